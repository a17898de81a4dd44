package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.internal.LatestWins;
import io.github.buttplugjava.core.internal.OutputStops;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.StopCmd;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One device of a buttplug-js 0.13 forwarder, as the hub's rooms see it: each output is written
 * to the forwarder's {@link ForwarderWire} as its v1 command and completes on the forwarder's
 * {@code Ok}. Inputs are refused (a forwarder returns nothing but {@code Ok}).
 *
 * <p>Outputs are {@linkplain LatestWins coalesced} per feature, as for an agent's device: at most
 * one command in flight to the forwarder per feature and one waiting, a newer one replacing the
 * waiting one; a 0 to a speed-like output and {@link #stop()} drop what waits and go at once. Once
 * {@linkplain #gone() gone}, every waiting and later command fails. Thread-safe.
 */
final class ForwarderDevice implements Device {

    private final ForwarderWire wire;
    private final DeviceInfo info;
    private final LatestWins outputs = new LatestWins();
    private volatile boolean gone;

    /**
     * @param wire the forwarder's wire
     * @param info the device as the forwarder described it (its index is the forwarder's own)
     */
    ForwarderDevice(ForwarderWire wire, DeviceInfo info) {
        this.wire = wire;
        this.info = info;
    }

    /** The device as the forwarder described it. */
    DeviceInfo info() {
        return info;
    }

    /** The device left (the forwarder removed it or its link ended): what waits and comes fails. */
    void gone() {
        gone = true;
        outputs.close(goneError());
    }

    private ButtplugDeviceException goneError() {
        return new ButtplugDeviceException(PeerText.name(name()) + " is gone");
    }

    @Override
    public String identifier() {
        return Integer.toString(info.deviceIndex());
    }

    @Override
    public String name() {
        return info.deviceName();
    }

    @Override
    public Optional<String> displayName() {
        return info.displayNameIfSet();
    }

    @Override
    public long timingGapMs() {
        return info.timingGapMs();
    }

    @Override
    public List<DeviceFeature> features() {
        return info.features();
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        Supplier<CompletableFuture<Void>> write =
                () -> send(id -> new OutputCmd(id, info.deviceIndex(), featureIndex, command));
        return OutputStops.stops(command) ? outputs.stop(featureIndex, write) : outputs.submit(featureIndex, 0, write);
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return CompletableFuture.failedFuture(noInputs());
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        return CompletableFuture.failedFuture(noInputs());
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        return CompletableFuture.completedFuture(null); // nothing was ever subscribed
    }

    private static ButtplugDeviceException noInputs() {
        return new ButtplugDeviceException("a buttplug-js 0.13 forwarder cannot forward readings");
    }

    /** One StopDeviceCmd; what waits is dropped first, so nothing waiting is written after it. */
    @Override
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        outputs.dropAll(stopped);
        send(id -> StopCmd.device(id, info.deviceIndex())).whenComplete((v, e) -> {
            if (e == null) {
                stopped.complete(null);
            } else {
                stopped.completeExceptionally(e);
            }
        });
        return stopped;
    }

    private CompletableFuture<Void> send(LongFunction<ClientMessage> command) {
        if (gone) {
            return CompletableFuture.failedFuture(goneError());
        }
        return wire.send(command);
    }
}
