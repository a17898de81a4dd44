package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.message.OutputCommand;
import java.util.concurrent.CompletableFuture;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.ForwardingDevice;
import io.github.buttplugjava.core.message.DeviceFeature;

import java.util.List;
import java.util.Optional;

/**
 * An agent's device as the room shows it: named "{@code <alias><separator><device>}" (the
 * separator is the hub's {@link RemoteServerBuilder#deviceNameSeparator}, {@value #DEFAULT_SEPARATOR}
 * by default; a device name that already starts with the alias and a separator, as a buttplug-js
 * 0.13 forwarder's do, is not prefixed twice) and identified by the
 * agent's link and its index there, so devices of different agents never collide and nothing of
 * the agent's own identifiers reaches the controller.
 *
 * <p>The agent is not trusted to keep its text or timing sane: the device name and every feature
 * description pass through {@link PeerText}, and the timing gap is clamped to
 * 0..{@value #MAX_TIMING_GAP_MS} ms so a hostile gap cannot hold the room's commands. All of it is
 * computed once, when the device joins. Commands go to the agent's device unchanged.
 */
final class AliasedDevice extends ForwardingDevice {

    private final String identifier;
    private final String linkId;
    private final String name;
    private final long timingGapMs;
    private final List<DeviceFeature> features;

    /** The separator between alias and device name unless the hub is told otherwise: {@value}. */
    static final String DEFAULT_SEPARATOR = " - ";

    /** Largest timing gap the room honours, in ms: {@value}. */
    static final long MAX_TIMING_GAP_MS = 1_000;

    private final HubMeter meter;

    AliasedDevice(Device inner, String linkId, String alias, String separator) {
        this(inner, linkId, alias, separator, HubMeter.NONE);
    }

    AliasedDevice(Device inner, String linkId, String alias, String separator, HubMeter meter) {
        super(inner);
        this.meter = meter;
        this.linkId = linkId;
        this.identifier = linkId + "/" + inner.identifier();
        this.name = alias + separator + withoutAlias(cleanName(inner.displayName().orElse(inner.name())), alias, separator);
        this.timingGapMs = Math.min(MAX_TIMING_GAP_MS, Math.max(0, inner.timingGapMs()));
        this.features = SameFeatures.map(inner.features(), AliasedDevice::cleanFeature);
    }

    /** {@code f} with its description fit to show; {@code f} itself when it already is (no copy per link). */
    private static DeviceFeature cleanFeature(DeviceFeature f) {
        String description = PeerText.name(f.description());
        return description.equals(f.description())
                ? f : new DeviceFeature(f.featureIndex(), description, f.outputs(), f.inputs());
    }

    /** A device name from an agent, fit to show ({@link PeerText#name}); "device" when nothing is left. */
    static String cleanName(String name) {
        String cleaned = PeerText.name(name);
        return cleaned.isEmpty() ? "device" : cleaned;
    }

    /** {@code name} without a leading "{@code <alias><separator>}" or "{@code <alias> - }" (0.13's form). */
    static String withoutAlias(String name, String alias, String separator) {
        for (String prefix : new String[] {alias + separator, alias + ForwarderAlias.FORWARDER_SEPARATOR}) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                String rest = name.substring(prefix.length()).strip();
                return rest.isEmpty() ? name : rest;
            }
        }
        return name;
    }

    /** The link of the agent (or forwarder) that shares this device. */
    String linkId() {
        return linkId;
    }

    Device inner() {
        return delegate();
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
        return timingGapMs;
    }

    @Override
    public Optional<String> displayName() {
        return Optional.empty();
    }

    @Override
    public List<DeviceFeature> features() {
        return features;
    }

    /**
     * Relays the command unchanged, and tells the hub's meter (when it counts) how it was answered
     * and how soon.
     */
    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        if (meter == HubMeter.NONE) {
            return super.output(featureIndex, command); // no stage per command for a meter that counts nothing
        }
        long start = System.nanoTime();
        CompletableFuture<Void> answer = super.output(featureIndex, command);
        answer.whenComplete((v, e) -> meter.commandAnswered(e == null, System.nanoTime() - start));
        return answer;
    }
}
