package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
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

/**
 * One device of a buttplug-js 0.13 forwarder, as the hub's rooms see it: each output is written
 * to the forwarder's {@link ForwarderWire} as its v1 command and completes on the forwarder's
 * {@code Ok}. Inputs are refused (a forwarder returns nothing but {@code Ok}).
 *
 * <p>Every output is one command on the wire, in the order the calls were made: nothing is
 * coalesced here, because the hub always puts the room's legacy grant in front of these devices
 * ({@link io.github.buttplugjava.remote.agent.GrantFilter}), which holds at most one output per
 * feature in flight and one waiting (latest wins) and lets stops pass at once; what the forwarder
 * has not answered is bounded by {@link ForwarderWire#MAX_IN_FLIGHT}. Once {@linkplain #gone()
 * gone}, every later command fails. Thread-safe.
 */
final class ForwarderDevice implements Device {

    private final ForwarderWire wire;
    private final DeviceInfo info;
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

    /** The device left (the forwarder removed it or its link ended): later commands fail. */
    void gone() {
        gone = true;
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
        return send(id -> new OutputCmd(id, info.deviceIndex(), featureIndex, command));
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

    /** One StopDeviceCmd, under a wire Id of its own. */
    @Override
    public CompletableFuture<Void> stop() {
        return send(id -> StopCmd.device(id, info.deviceIndex()));
    }

    private CompletableFuture<Void> send(LongFunction<ClientMessage> command) {
        if (gone) {
            return CompletableFuture.failedFuture(goneError());
        }
        return wire.send(command);
    }
}
