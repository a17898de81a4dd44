package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.transport.ws.KeepAlive;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One keepalive task per event loop for all its links (virtual time: the loop's ticks and the
 * links' silence both follow the test): each link ticked once per interval, its first ping about an
 * interval after it started, the pings of many links spread over the interval, links that ended
 * dropped, and the task gone with the last link.
 */
class KeepAliveSweepsTest {

    private static final Duration INTERVAL = Duration.ofMillis(800);
    private static final Duration STEP = INTERVAL.dividedBy(KeepAliveSweeps.BUCKETS);

    private final AtomicLong clock = new AtomicLong();
    private final EmbeddedChannel loopOwner = new EmbeddedChannel();
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void tearDown() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        loopOwner.finishAndReleaseAll();
    }

    private ServerLink link(KeepAliveSweeps sweeps, Duration timeout) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channels.add(channel);
        ServerSettings settings = new ServerSettings(1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(10), 1 << 20,
                new KeepAlive(INTERVAL, timeout), Duration.ofSeconds(1));
        ServerLink link = new ServerLink(channel, LinkLabel.accepted(channels.size(), new InetSocketAddress("127.0.0.1", 1)),
                settings, new ConnectionRegistry(1000, 1000, 1000), sweeps);
        sweeps.add(link, loopOwner.eventLoop());
        return link;
    }

    /** Moves both clocks one step and runs the loop's due tasks. */
    private void step() {
        clock.addAndGet(STEP.toNanos());
        loopOwner.advanceTimeBy(STEP.toNanos(), TimeUnit.NANOSECONDS);
        loopOwner.runScheduledPendingTasks();
    }

    /** Pings written to each link's channel since the last call. */
    private int[] pingsSinceLastLook() {
        int[] pings = new int[channels.size()];
        for (int i = 0; i < channels.size(); i++) {
            Object out;
            while ((out = channels.get(i).readOutbound()) != null) {
                if (out instanceof PingWebSocketFrame) {
                    pings[i]++;
                }
                ReferenceCountUtil.release(out);
            }
        }
        return pings;
    }

    @Test
    void eachLinkIsPingedOncePerIntervalFromAboutOneIntervalInAndThePingsAreSpreadOverIt() {
        loopOwner.freezeTime();
        KeepAliveSweeps sweeps = new KeepAliveSweeps(INTERVAL, clock::get);
        for (int i = 0; i < 200; i++) {
            link(sweeps, Duration.ofHours(1));
        }
        assertThat(sweeps.size()).isEqualTo(200);

        int[] total = new int[200];
        int busiestStep = 0;
        for (int s = 1; s <= 3 * KeepAliveSweeps.BUCKETS; s++) {
            step();
            int[] pings = pingsSinceLastLook();
            int now = 0;
            for (int i = 0; i < 200; i++) {
                total[i] += pings[i];
                now += pings[i];
            }
            busiestStep = Math.max(busiestStep, now);
            if (s < KeepAliveSweeps.BUCKETS - 1) {
                assertThat(now).as("no ping in the first %d of %d steps of the interval", s, KeepAliveSweeps.BUCKETS)
                        .isZero();
            }
        }
        // silent for three intervals: pinged on each tick of its bucket from about an interval in
        for (int i = 0; i < 200; i++) {
            assertThat(total[i]).as("pings of link %d in three intervals", i).isBetween(2, 3);
        }
        // 200 links, a bucket (an eighth by identity hash) per tick: about 25 per tick, never all at once
        assertThat(busiestStep).as("pings on the busiest tick").isBetween(1, 80);
    }

    @Test
    void endedLinksLeaveAtTheirNextTickAndTheTaskStopsWithTheLast() {
        loopOwner.freezeTime();
        KeepAliveSweeps sweeps = new KeepAliveSweeps(INTERVAL, clock::get);
        List<ServerLink> links = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            links.add(link(sweeps, Duration.ofHours(1)));
        }
        assertThat(loopOwner.runScheduledPendingTasks()).as("the loop's one task is armed").isPositive();

        // half the channels close without the link hearing of it: dropped on their bucket's next tick
        for (int i = 0; i < 10; i++) {
            channels.get(i).close();
        }
        for (int s = 0; s < KeepAliveSweeps.BUCKETS; s++) {
            step();
        }
        assertThat(sweeps.size()).isEqualTo(10);

        // the rest leave as their channels end (channelInactive's path)
        for (int i = 10; i < 20; i++) {
            sweeps.remove(links.get(i), loopOwner.eventLoop());
            sweeps.remove(links.get(i), loopOwner.eventLoop()); // twice: no effect
        }
        assertThat(sweeps.size()).isZero();
        assertThat(loopOwner.runScheduledPendingTasks()).as("no task left on the loop").isEqualTo(-1);

        // a new link arms it again
        link(sweeps, Duration.ofHours(1));
        assertThat(loopOwner.runScheduledPendingTasks()).isPositive();
        sweeps.add(links.get(0), loopOwner.eventLoop());
        assertThat(sweeps.size()).isEqualTo(2);
        sweeps.add(links.get(0), loopOwner.eventLoop());
        assertThat(sweeps.size()).as("added twice, held once").isEqualTo(2);
    }

    @Test
    void aLinkSilentPastTheTimeoutIsClosedWith1001OnItsTick() {
        loopOwner.freezeTime();
        KeepAliveSweeps sweeps = new KeepAliveSweeps(INTERVAL, clock::get);
        link(sweeps, INTERVAL.multipliedBy(2));
        CloseWebSocketFrame close = null;
        for (int s = 0; s < 4 * KeepAliveSweeps.BUCKETS && close == null; s++) {
            step();
            Object out;
            while ((out = channels.get(0).readOutbound()) != null) {
                if (out instanceof CloseWebSocketFrame c) {
                    close = c.retain();
                }
                ReferenceCountUtil.release(out);
            }
        }
        assertThat(close).as("closed for silence").isNotNull();
        assertThat(close.statusCode()).isEqualTo(1001);
        assertThat(close.reasonText()).startsWith("no answer to pings for");
        assertThat(clock.get()).as("not before the timeout").isGreaterThan(INTERVAL.multipliedBy(2).toNanos());
        close.release();
    }
}
