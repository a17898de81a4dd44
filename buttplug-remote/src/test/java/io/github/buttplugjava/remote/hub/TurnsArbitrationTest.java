package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedToy;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code turns} policy through the room's arbiter, on virtual time with ticks run on the
 * advancing thread: turns in order of arrival, stop at each handover with nobody sending, refusals
 * naming whose turn it is, leavers giving their turn up.
 */
class TurnsArbitrationTest {

    private final VirtualTime time = new VirtualTime();
    private final RoomArbiter arbiter = new RoomArbiter(time.scheduling(Runnable::run));
    private final SimulatedDevice edge = new SimulatedDevice("edge-1", SimulatedToy.named("edge"), time.scheduling());

    private static List<FeatureOutput> vibrate(int feature, int value) {
        return List.of(new FeatureOutput(feature, OutputCommand.of(OutputType.VIBRATE, value)));
    }

    private static String describe(RecordedCommand r) {
        return r.kind() == RecordedCommand.Kind.STOP ? "stop" : r.featureIndex() + "=" + r.output().value();
    }

    private static void done(CompletableFuture<Void> f) throws Exception {
        f.get(2, TimeUnit.SECONDS);
    }

    private void turnsOf30s(String... arrivals) {
        arbiter.policy(ArbitrationPolicy.turns(Duration.ofSeconds(30)));
        for (String c : arrivals) {
            arbiter.joined(c);
        }
    }

    @Test
    void onlyTheControllerWhoseTurnItIsDrivesAndTheOthersAreToldWhoseTurnAndForHowLong() throws Exception {
        turnsOf30s("alice", "bob", "carol");
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        time.advance(Duration.ofSeconds(12));
        assertThatThrownBy(() -> done(arbiter.output("bob", edge, vibrate(0, 20))))
                .hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("turn of controller \"alice\" for 18.0 s more; yours comes in 18.0 s");
        assertThatThrownBy(() -> done(arbiter.output("carol", edge, vibrate(0, 20))))
                .hasMessageContaining("turn of controller \"alice\" for 18.0 s more; yours comes in 48.0 s");
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(10);
    }

    @Test
    void aTurnEndsWithAStopEvenWhenNobodySendsAndTheNextInOrderOfArrivalDrives() throws Exception {
        turnsOf30s("alice", "bob", "carol");
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        edge.clearRecording();
        time.advance(Duration.ofSeconds(30));
        // the handover stopped alice's outputs by itself
        assertThat(edge.commands()).extracting(TurnsArbitrationTest::describe).containsExactly("stop");
        assertThat(arbiter.drives("alice", edge)).isFalse();
        assertThatThrownBy(() -> done(arbiter.output("alice", edge, vibrate(0, 10))))
                .hasMessageContaining("turn of controller \"bob\" for 30.0 s more; yours comes in 60.0 s");
        done(arbiter.output("bob", edge, vibrate(1, 4)));
        time.advance(Duration.ofSeconds(30));
        assertThat(edge.outputValue(1, OutputType.VIBRATE)).isZero();
        done(arbiter.output("carol", edge, vibrate(0, 7)));
        time.advance(Duration.ofSeconds(30));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
        done(arbiter.output("alice", edge, vibrate(0, 3)));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(3);
    }

    @Test
    void aHandoverStopsFirstThenTheNextControllersCommandRunsEvenWhenTheTimerIsLate() throws Exception {
        // the tick is handed to an executor that has not run yet: the next command runs it first
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        RoomArbiter late = new RoomArbiter(time.scheduling(queued::add));
        late.policy(ArbitrationPolicy.turns(Duration.ofSeconds(30)));
        late.joined("alice");
        late.joined("bob");
        done(late.output("alice", edge, vibrate(0, 10)));
        edge.clearRecording();
        time.advance(Duration.ofSeconds(30));
        assertThat(queued).hasSize(1);
        done(late.output("bob", edge, vibrate(0, 5)));
        assertThat(edge.commands()).extracting(TurnsArbitrationTest::describe).containsExactly("stop", "0=5");
        queued.forEach(Runnable::run); // the late tick finds nothing due
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(5);
    }

    @Test
    void aControllerThatLeavesGivesUpItsTurnToTheNextAtOnce() throws Exception {
        turnsOf30s("alice", "bob", "carol");
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        time.advance(Duration.ofSeconds(10));
        arbiter.left("alice");
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
        done(arbiter.output("bob", edge, vibrate(0, 6)));
        assertThatThrownBy(() -> done(arbiter.output("carol", edge, vibrate(0, 1))))
                .hasMessageContaining("turn of controller \"bob\" for 30.0 s more; yours comes in 30.0 s");
        // a waiting controller that leaves drops out of the order and stops nothing
        edge.clearRecording();
        arbiter.left("carol");
        assertThat(edge.commands()).isEmpty();
        time.advance(Duration.ofSeconds(60));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(6); // bob is alone: no handover
    }

    @Test
    void aControllerAloneKeepsTheTurnAndOneArrivingWaitsAtMostTheRestOfTheRunningTurn() throws Exception {
        turnsOf30s("alice");
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        assertThat(time.pending()).isZero(); // nothing is due with one controller
        time.advance(Duration.ofSeconds(75));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(10);
        arbiter.joined("bob");
        assertThatThrownBy(() -> done(arbiter.output("bob", edge, vibrate(0, 1))))
                .hasMessageContaining("turn of controller \"alice\" for 15.0 s more");
        time.advance(Duration.ofSeconds(15));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
        done(arbiter.output("bob", edge, vibrate(0, 1)));
    }

    @Test
    void switchingToTurnsQueuesTheConnectedControllersInOrderOfArrival() throws Exception {
        arbiter.joined("alice");
        arbiter.joined("bob");
        done(arbiter.output("bob", edge, vibrate(0, 2))); // shared: anyone
        arbiter.policy(ArbitrationPolicy.turns(Duration.ofSeconds(5)));
        assertThatThrownBy(() -> done(arbiter.output("bob", edge, vibrate(0, 3))))
                .hasMessageContaining("turn of controller \"alice\"");
        done(arbiter.output("alice", edge, vibrate(0, 4)));
        time.advance(Duration.ofSeconds(5));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @Test
    void switchingBackToSharedCancelsTheTimerAndClosingTheRoomToo() throws Exception {
        turnsOf30s("alice", "bob");
        assertThat(time.pending()).isEqualTo(1);
        arbiter.policy(ArbitrationPolicy.shared());
        assertThat(time.pending()).isZero();
        done(arbiter.output("bob", edge, vibrate(0, 2)));
        arbiter.policy(ArbitrationPolicy.turns(Duration.ofSeconds(30)));
        assertThat(time.pending()).isEqualTo(1);
        arbiter.close();
        assertThat(time.pending()).isZero();
    }

    @Test
    void aTurnMustBePositive() {
        assertThatThrownBy(() -> ArbitrationPolicy.turns(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ArbitrationPolicy.turns(Duration.ofSeconds(30))).hasToString("turns(30000 ms)");
    }
}
