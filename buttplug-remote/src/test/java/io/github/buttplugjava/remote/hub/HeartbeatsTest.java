package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.testsupport.SinkConnector;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's one heartbeat: every period one beat to each link that agreed, run on the hub's
 * executor, so a hub whose processing is stuck sends none (its sockets may well be open), and
 * ticks missed while stuck are not piled up; each member checked once per check interval, the
 * checks spread over its beats. Virtual time; the executor runs tasks at once unless
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

    /** A member that counts its checks. */
    private static final class CountedMember implements Heartbeats.Member {
        final SinkConnector link = new SinkConnector();
        int checks;

        @Override
        public ButtplugConnector link() {
            return link;
        }

        @Override
        public void check() {
            checks++;
        }
    }

    @Test
    void oneBeatPerPeriodToEachLinkFromTheHubsExecutorAndNoneWhileItIsStuck() {
        VirtualTime time = new VirtualTime();
        StuckableExecutor hub = new StuckableExecutor();
        CountedMember ma = new CountedMember();
        CountedMember mb = new CountedMember();
        SinkConnector a = ma.link;
        SinkConnector b = mb.link;
        try (Heartbeats beats = new Heartbeats(time.scheduling(hub))) {
            beats.add(ma);
            beats.add(mb);
            time.advance(Heartbeat.PERIOD);
            assertThat(a.sent()).as("not started: no beat").isEmpty();
            beats.start();
            time.advance(Heartbeat.PERIOD);
            assertThat(a.sent()).containsExactly(Heartbeat.FRAME);
            assertThat(b.sent()).containsExactly(Heartbeat.FRAME);

            beats.remove(mb);
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

    @Test
    void eachMemberIsCheckedOncePerCheckIntervalFromAboutOneIntervalAfterItJoinedSoTheChecksSpreadAsTheyJoined() {
        VirtualTime time = new VirtualTime();
        int cycle = Heartbeats.BEATS_PER_CHECK;
        List<CountedMember> members = new ArrayList<>();
        try (Heartbeats beats = new Heartbeats(time.scheduling(Runnable::run))) {
            beats.start();
            int busiestBeat = 0;
            // ten members join before each of the first `cycle` beats
            for (int beat = 0; beat < 2 * cycle; beat++) {
                if (beat < cycle) {
                    for (int i = 0; i < 10; i++) {
                        CountedMember m = new CountedMember();
                        members.add(m);
                        beats.add(m);
                    }
                }
                int before = members.stream().mapToInt(m -> m.checks).sum();
                time.advance(Heartbeat.PERIOD);
                busiestBeat = Math.max(busiestBeat, members.stream().mapToInt(m -> m.checks).sum() - before);
                // the batch that joined before beat j is first checked on beat j + cycle - 1
                for (int joined = 0; joined < Math.min(cycle, beat + 1); joined++) {
                    int expected = checksBy(joined, beat);
                    assertThat(members.subList(10 * joined, 10 * joined + 10)).as("batch %d after beat %d", joined, beat)
                            .allMatch(m -> m.checks == expected);
                }
            }
            assertThat(busiestBeat).as("checks on the busiest beat").isEqualTo(10);
            assertThat(members.get(0).link.sent()).as("a beat on every period").hasSize(2 * cycle);

            time.advance(Heartbeats.CHECK_INTERVAL);
            for (int joined = 0; joined < cycle; joined++) {
                int expected = checksBy(joined, 3 * cycle - 1);
                assertThat(members.subList(10 * joined, 10 * joined + 10)).as("one check in each interval after")
                        .allMatch(m -> m.checks == expected);
            }

            // a member whose link closed gets no more beats or checks
            CountedMember gone = members.get(0);
            int checked = gone.checks;
            gone.link.close();
            time.advance(Heartbeats.CHECK_INTERVAL);
            assertThat(gone.checks).isEqualTo(checked);
            assertThat(beats.size()).isEqualTo(10 * cycle - 1);
        }
    }

    /** Checks of a member that joined before beat {@code joined}, once beat {@code beat} ran (beats count from 0). */
    private static int checksBy(int joined, int beat) {
        int first = joined + Heartbeats.BEATS_PER_CHECK - 1;
        return beat < first ? 0 : 1 + (beat - first) / Heartbeats.BEATS_PER_CHECK;
    }
}
