package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An agent's device as the room shows it: named "{@code <alias> – <device>}" and identified by the
 * agent's link and its index there, so devices of different agents never collide and nothing of
 * the agent's own identifiers reaches the controller.
 */
final class AliasedDevice implements Device {

    private final Device inner;
    private final String identifier;
    private final String name;

    AliasedDevice(Device inner, String linkId, String alias) {
        this.inner = inner;
        this.identifier = linkId + "/" + inner.identifier();
        this.name = alias + " \u2013 " + cleanName(inner.displayName().orElse(inner.name()));
    }

    /** Longest device name shown, in characters (the agent is not trusted to keep it sane). */
    static final int MAX_NAME = 64;

    /** A device name from an agent, fit to show: control characters dropped, at most {@link #MAX_NAME}. */
    static String cleanName(String name) {
        try {
            return Hello.cleanAlias(name, MAX_NAME);
        } catch (IllegalArgumentException e) {
            return "device";
        }
    }

    Device inner() {
        return inner;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long timingGapMs() {
        return inner.timingGapMs();
    }

    @Override
    public Optional<String> displayName() {
        return Optional.empty();
    }

    @Override
    public List<DeviceFeature> features() {
        return inner.features();
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        return inner.output(featureIndex, command);
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return inner.read(featureIndex, type);
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        return inner.subscribe(featureIndex, type, listener);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        return inner.unsubscribe(featureIndex, type);
    }

    @Override
    public CompletableFuture<Void> stop() {
        return inner.stop();
    }
}
