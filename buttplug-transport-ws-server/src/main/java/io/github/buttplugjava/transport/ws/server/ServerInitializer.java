package io.github.buttplugjava.transport.ws.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per accepted TCP connection: registers it (shedding or refusing as the
 * {@link ConnectionRegistry} decides) and builds its pipeline: TLS when configured, the HTTP codec
 * with its line and header limits, a small aggregator (an upgrade request has no body) and the
 * {@link UpgradeHandler}.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger log = LoggerFactory.getLogger(ServerInitializer.class);

    /** Largest upgrade request body accepted; none is expected. */
    private static final int MAX_REQUEST_BODY = 1024;

    private final ServerSettings settings;
    private final ConnectionRegistry registry;
    /** The keepalive of the server's links; null when it has none. */
    private final KeepAliveSweeps keepAlive;
    private final ConnectionHandler handler;
    private final SSLContext tls;
    private final BooleanSupplier stopping;
    private final Consumer<io.netty.channel.Channel> shedder;
    private final WebSocketServerHandshakerFactory handshakers;
    private final HttpPages pages;
    private final AtomicLong accepted = new AtomicLong();
    /** Tells the registry a socket closed: one listener for every socket, not one per socket. */
    private final ChannelFutureListener closedListener;

    ServerInitializer(ServerSettings settings, ConnectionRegistry registry, ConnectionHandler handler, SSLContext tls,
                      BooleanSupplier stopping, Consumer<io.netty.channel.Channel> shedder, String serverUrl,
                      HttpPages pages) {
        this.settings = settings;
        this.pages = pages;
        this.registry = registry;
        this.keepAlive = settings.keepAlive() == null ? null : new KeepAliveSweeps(settings.keepAlive().interval());
        this.handler = handler;
        this.tls = tls;
        this.stopping = stopping;
        this.shedder = shedder;
        this.closedListener = f -> registry.closed(f.channel());
        WebSocketDecoderConfig frames = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(settings.maxFrameSize())
                .expectMaskedFrames(true)
                .allowMaskMismatch(false)
                .allowExtensions(false)
                .closeOnProtocolViolation(false) // ServerLink answers with the code and reports it
                .withUTF8Validator(true)
                .build();
        this.handshakers = new WebSocketServerHandshakerFactory(serverUrl, null, frames);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        InetSocketAddress remote = channel.remoteAddress();
        LinkLabel label = LinkLabel.accepted(accepted.incrementAndGet(), remote);
        ConnectionRegistry.Verdict verdict = registry.admit(channel, remote.getAddress());
        if (!verdict.admitted()) {
            log.debug("{}: refused at accept ({} connections open, none pending)", label, registry.open());
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closedListener);
        for (io.netty.channel.Channel old : verdict.shed()) {
            shedder.accept(old);
        }
        ChannelPipeline p = channel.pipeline();
        p.addLast("first-bytes", new FirstBytes(registry));
        if (tls != null) {
            SSLEngine engine = tls.createSSLEngine();
            engine.setUseClientMode(false);
            p.addLast("tls", new SslHandler(engine));
        }
        p.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(ServerSettings.MAX_REQUEST_LINE)
                .setMaxHeaderSize(ServerSettings.MAX_HEADERS)));
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BODY));
        p.addLast("upgrade", new UpgradeHandler(label, settings, registry, keepAlive, handler, stopping, handshakers, pages));
        log.debug("{}: accepted TCP connection", label);
    }
}
