package io.github.buttplugjava.transport.ws.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames a link is given on its event loop are flushed once, at the end of the loop's turn (one
 * system call for a relay's several replies to one peer), in the order they were given; frames
 * given from other threads arrive in order too; a close frame flushes what is queued before it.
 * On a real event loop (Netty's in-VM channels), the link's channel counting the flushes that
 * reach it.
 */
class FlushPerTurnTest {

    private static final long WAIT_SECONDS = 10;

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    private final AtomicInteger flushes = new AtomicInteger();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private Channel server;
    private ServerLink link;

    @BeforeEach
    void connect() throws Exception {
        LocalAddress address = new LocalAddress("flush-per-turn-" + UUID.randomUUID());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        new ServerBootstrap().group(loop).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                            @Override
                            public void flush(ChannelHandlerContext ctx) {
                                flushes.incrementAndGet();
                                ctx.flush();
                            }
                        });
                        accepted.complete(ch);
                    }
                })
                .bind(address).sync();
        new Bootstrap().group(loop).channel(LocalChannel.class)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof TextWebSocketFrame text) {
                            received.add(text.text());
                        } else if (msg instanceof CloseWebSocketFrame close) {
                            received.add("close " + close.statusCode());
                        }
                        ReferenceCountUtil.release(msg);
                    }
                })
                .connect(address).sync();
        server = accepted.get(WAIT_SECONDS, TimeUnit.SECONDS);
        link = new ServerLink(server, LinkLabel.accepted(1, new InetSocketAddress("127.0.0.1", 1)),
                new ServerSettings(1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(10), 1 << 20, null,
                        Duration.ofSeconds(1)),
                new ConnectionRegistry(10, 10, 10), null);
    }

    @AfterEach
    void tearDown() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private List<String> take(int count) throws InterruptedException {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String frame = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(frame).as("frame %d of %d", i + 1, count).isNotNull();
            frames.add(frame);
        }
        return frames;
    }

    @Test
    void framesGivenInOneTurnAreFlushedOnceAtItsEndInOrder() throws Exception {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        int flushesInsideTheTurn = server.eventLoop().submit(() -> {
            for (int i = 1; i <= 3; i++) {
                sent.add(link.send("[" + i + "]"));
            }
            return flushes.get();
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(take(3)).containsExactly("[1]", "[2]", "[3]");
        assertThat(flushesInsideTheTurn).as("nothing flushed inside the turn").isZero();
        assertThat(flushes.get()).as("one flush for the turn's three frames").isEqualTo(1);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);

        server.eventLoop().submit(() -> link.send("[4]")).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(take(1)).containsExactly("[4]");
        assertThat(flushes.get()).as("a later turn flushes again").isEqualTo(2);
    }

    @Test
    void framesGivenFromOtherThreadsArriveInOrderAndComplete() throws Exception {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            sent.add(link.send("[" + i + "]"));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            expected.add("[" + i + "]");
        }
        assertThat(take(50)).containsExactlyElementsOf(expected);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(flushes.get()).isBetween(1, 50);
    }

    @Test
    void aCloseInTheSameTurnGoesOutAfterTheQueuedFramesAndNothingIsSentAfterIt() throws Exception {
        CompletableFuture<Void> last = server.eventLoop().submit(() -> {
            CompletableFuture<Void> frame = link.send("[last]");
            link.close();
            return frame;
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(take(2)).containsExactly("[last]", "close 1000");
        last.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(link.send("[too late]")).isCompletedExceptionally();
        assertThat(received.poll(100, TimeUnit.MILLISECONDS)).as("nothing after the close frame").isNull();
    }
}
