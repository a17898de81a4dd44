package io.github.buttplugjava.core.server;

import io.github.buttplugjava.testsupport.devices.ListSource;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.device.ForwardingDevice;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StopCmd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs of one client message (the v4 commands one legacy message became) reach the device
 * as one {@link Device#outputs} call, checked all before any is set; timing plays no part (the
 * session runs on a manual executor).
 */
class MultiFeatureRequestTest {

    /** A two-motor device that records each call it gets. */
    private static class TwoMotors implements Device {
        final List<List<FeatureOutput>> calls = new ArrayList<>();

        @Override
        public String identifier() {
            return "two";
        }

        @Override
        public String name() {
            return "Two Motors";
        }

        @Override
        public List<DeviceFeature> features() {
            Map<OutputType, OutputLimits> vibrate = Map.of(OutputType.VIBRATE, OutputLimits.of(new Range(0, 20)));
            return List.of(new DeviceFeature(0, "", vibrate, Map.of()), new DeviceFeature(1, "", vibrate, Map.of()));
        }

        @Override
        public synchronized CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
            calls.add(List.of(new FeatureOutput(featureIndex, command)));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletableFuture<Void> outputs(List<FeatureOutput> outputs) {
            calls.add(List.copyOf(outputs));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Integer> read(int featureIndex, InputType type) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> stop() {
            return outputs(List.of(new FeatureOutput(0, OutputCommand.of(OutputType.VIBRATE, 0)),
                    new FeatureOutput(1, OutputCommand.of(OutputType.VIBRATE, 0))));
        }
    }

    private final ListSource source = ListSource.finishingScans();
    private final DeviceManager manager = new DeviceManager(List.of(source));
    private final TwoMotors device = new TwoMotors();
    private final ManualExecutor serial = new ManualExecutor();
    private final List<ServerMessage> sent = new ArrayList<>();
    private final SessionCore core = new SessionCore(new ServerSettings("t", 0), manager, serial,
            SharedExecutors.timers(), sent::addAll);

    @AfterEach
    void close() {
        manager.close();
    }

    private ServerMessage request(long id, ClientMessage... commands) {
        sent.clear();
        core.request(id, List.of(commands));
        serial.runAll();
        return sent.stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private int connect() {
        assertThat(request(1, new RequestServerInfo(1, "t", 3, 0))).isNotInstanceOf(ErrorMessage.class);
        manager.startScanning().join();
        source.add(device);
        return manager.deviceList(0).devices().get(0).deviceIndex();
    }

    @Test
    void twoFeaturesOfOneMessageReachTheDeviceAsOneCall() {
        int index = connect();
        ServerMessage reply = request(5,
                new OutputCmd(5, index, 0, OutputCommand.of(OutputType.VIBRATE, 10)),
                new OutputCmd(5, index, 1, OutputCommand.of(OutputType.VIBRATE, 5)));
        assertThat(reply).isEqualTo(new Ok(5));
        assertThat(device.calls).containsExactly(List.of(
                new FeatureOutput(0, OutputCommand.of(OutputType.VIBRATE, 10)),
                new FeatureOutput(1, OutputCommand.of(OutputType.VIBRATE, 5))));
    }

    @Test
    void aMessageWithOneBadPartSetsNothing() {
        int index = connect();
        ServerMessage reply = request(6,
                new OutputCmd(6, index, 0, OutputCommand.of(OutputType.VIBRATE, 10)),
                new OutputCmd(6, index, 1, OutputCommand.of(OutputType.VIBRATE, 21)));
        assertThat(reply).isInstanceOfSatisfying(ErrorMessage.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE));
        assertThat(device.calls).isEmpty();
    }

    @Test
    void aStopOfOneFeatureWithSeveralOutputsIsOneCall() {
        int index = connect();
        request(7, new StopCmd(7, OptionalInt.of(index), OptionalInt.of(1), false, true));
        assertThat(device.calls).containsExactly(List.of(new FeatureOutput(1, OutputCommand.of(OutputType.VIBRATE, 0))));
    }

    @Test
    void aForwardingDeviceSplitsABatchIntoItsOwnOutputCalls() {
        List<String> order = new ArrayList<>();
        Device plain = new ForwardingDevice(device) {
            @Override
            public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
                order.add(featureIndex + "=" + command.value());
                return CompletableFuture.completedFuture(null);
            }
        };
        plain.outputs(List.of(new FeatureOutput(1, OutputCommand.of(OutputType.VIBRATE, 3)),
                new FeatureOutput(0, OutputCommand.of(OutputType.VIBRATE, 4)))).join();
        // a wrapper that checks output() sees every part; the parts run in order, one after another
        assertThat(order).containsExactly("1=3", "0=4");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void oneOutputIsThatOutputsOwnCommandAndAThrownErrorIsItsFailure() {
        CompletableFuture<Void> written = new CompletableFuture<>();
        IllegalStateException broken = new IllegalStateException("motor 1 is broken");
        Device plain = new ForwardingDevice(device) {
            @Override
            public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
                if (featureIndex == 1) {
                    throw broken;
                }
                return written;
            }
        };
        CompletableFuture<Void> one = plain.outputs(List.of(new FeatureOutput(0, OutputCommand.of(OutputType.VIBRATE, 4))));
        assertThat(one).isNotDone();
        written.complete(null);
        assertThat(one).isCompleted();
        CompletableFuture<Void> failed = plain.outputs(List.of(new FeatureOutput(1, OutputCommand.of(OutputType.VIBRATE, 4))));
        assertThat(failed).isCompletedExceptionally();
        assertThat(failed.handle((v, e) -> e).join()).isSameAs(broken);
        assertThat(device.calls).isEmpty();
    }
}
