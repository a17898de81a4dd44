package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.testsupport.SinkConnector;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's one heartbeat: every period one beat to each link that agreed, run on the hub's
 * executor, so a hub whose processing is stuck sends none (its sockets may well be open), and
 * ticks missed while stuck are not piled up. Virtual time; the executor runs tasks at once unless
 * the test holds it.
 */
class HeartbeatsTest {

    /** The hub's executor: runs tasks on the calling thread, or holds them while stuck. */
    private static final class StuckableExecutor implements Executor {
        final Queue<Runnable> held = new ArrayDeque<>();
        boolean stuck;

        @Override
        public synchronized void execute(Runnable task) {
            if (stuck) {
                held.add(task);
            } else {
                task.run();
            }
        }

        synchronized void unstick() {
            stuck = false;
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @Test
    void oneBeatPerPeriodToEachLinkFromTheHubsExecutorAndNoneWhileItIsStuck() {
        VirtualTime time = new VirtualTime();
        StuckableExecutor hub = new StuckableExecutor();
        SinkConnector a = new SinkConnector();
        SinkConnector b = new SinkConnector();
        try (Heartbeats beats = new Heartbeats(time.scheduling(hub))) {
            beats.add(a);
            beats.add(b);
            time.advance(Heartbeat.PERIOD);
            assertThat(a.sent()).as("not started: no beat").isEmpty();
            beats.start();
            time.advance(Heartbeat.PERIOD);
            assertThat(a.sent()).containsExactly(Heartbeat.FRAME);
            assertThat(b.sent()).containsExactly(Heartbeat.FRAME);

            beats.remove(b);
            time.advance(Heartbeat.PERIOD);
            assertThat(a.sent()).hasSize(2);
            assertThat(b.sent()).hasSize(1);

            // the hub's processing is stuck for ten periods: no beat leaves, and one tick is held, not ten
            hub.stuck = true;
            time.advance(Heartbeat.PERIOD.multipliedBy(10));
            assertThat(a.sent()).hasSize(2);
            assertThat(hub.held).hasSize(1);
            hub.unstick();
            assertThat(a.sent()).hasSize(3);
            time.advance(Heartbeat.PERIOD);
            assertThat(a.sent()).hasSize(4);

            // a link that closed is dropped at the next beat
            a.close();
            time.advance(Heartbeat.PERIOD);
            assertThat(a.sent()).hasSize(4);
            assertThat(beats.size()).isZero();
        }
        assertThat(time.pending()).as("closing cancels the ticks").isZero();
    }
}
