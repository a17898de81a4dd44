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

/** The room's arbitration and its record of who set what, on a controllable clock. */
class RoomArbiterTest {

    private final VirtualTime time = new VirtualTime();
    private final RoomArbiter arbiter = new RoomArbiter(time.scheduling());
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

    @Test
    void anExclusiveLeaseRefusesOthersWithTheHolderAndTimeLeftThenExpiresOnTheClock() throws Exception {
        arbiter.policy(ArbitrationPolicy.exclusive(Duration.ofSeconds(10)));
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        time.advance(Duration.ofSeconds(4));
        assertThatThrownBy(() -> done(arbiter.output("bob", edge, vibrate(0, 20))))
                .hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("held by controller \"alice\" for 6.0 s more");
        done(arbiter.output("alice", edge, vibrate(1, 5))); // renews the lease
        time.advance(Duration.ofSeconds(9));
        assertThatThrownBy(() -> done(arbiter.output("bob", edge, vibrate(0, 20))))
                .hasMessageContaining("for 1.0 s more");
        time.advance(Duration.ofSeconds(1));
        edge.clearRecording();
        done(arbiter.output("bob", edge, vibrate(0, 20)));
        // the handover stops first (alice set both motors: the whole device), then hands over
        List<RecordedCommand> sent = edge.commands();
        assertThat(sent).extracting(RoomArbiterTest::describe).containsExactly("stop", "0=20");
        assertThat(arbiter.drives("alice", edge)).isFalse();
        assertThat(arbiter.drives("bob", edge)).isTrue();
    }

    @Test
    void aStopFreesTheLeaseAtOnceAndStopsOnlyTheHoldersOutputs() throws Exception {
        arbiter.policy(ArbitrationPolicy.exclusive(Duration.ofSeconds(10)));
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        done(arbiter.stop("alice", edge));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
        done(arbiter.output("bob", edge, vibrate(1, 7)));
        assertThat(edge.outputValue(1, OutputType.VIBRATE)).isEqualTo(7);
    }

    @Test
    void aLeaverFreesItsLeasesAndStopsExactlyTheOutputsItSet() throws Exception {
        arbiter.policy(ArbitrationPolicy.exclusive(Duration.ofSeconds(10)));
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        arbiter.left("alice");
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
        done(arbiter.output("bob", edge, vibrate(0, 3)));
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(3);
    }

    @Test
    void sharedIsLatestWinsPerOutputAndALeaverStopsOnlyWhatItStillSet() throws Exception {
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        done(arbiter.output("alice", edge, vibrate(1, 10)));
        done(arbiter.output("bob", edge, vibrate(0, 4)));
        edge.clearRecording();
        arbiter.left("alice");
        assertThat(edge.commands()).extracting(RoomArbiterTest::describe).containsExactly("1=0");
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(4);
        edge.clearRecording();
        arbiter.left("alice");
        assertThat(edge.commands()).isEmpty();
    }

    @Test
    void aDeviceThatLeavesIsForgotten() throws Exception {
        arbiter.policy(ArbitrationPolicy.exclusive(Duration.ofSeconds(10)));
        done(arbiter.output("alice", edge, vibrate(0, 10)));
        arbiter.deviceLeft(edge);
        assertThat(arbiter.drives("alice", edge)).isFalse();
        done(arbiter.output("bob", edge, vibrate(0, 1)));
    }

    @Test
    void aPolicyThatThrowsRefusesWithADeviceError() {
        arbiter.policy(new ArbitrationPolicy() {
            @Override
            public Claim claim(String controller, String deviceId, String deviceName, long nowNanos) {
                throw new IllegalStateException("bot bug");
            }

            @Override
            public void release(String controller, String deviceId) {
            }
        });
        assertThatThrownBy(() -> done(arbiter.output("alice", edge, vibrate(0, 10))))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
    }
}
