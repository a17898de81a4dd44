package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The room's record of which controller set the current value of each output, and the gate every
 * controller's output passes: the {@link ArbitrationPolicy} is asked, a handover stops the
 * previous holder's outputs on the device first, and the command is sent, all under one lock, so
 * commands reach a device in the order they were decided. (Sending never blocks: a device hands
 * the command to its link.) A controller that stops a device or leaves stops exactly the outputs
 * whose current value it set: each of them set to zero, or, when it set every output driven now,
 * with a whole stop of the device. Holds one entry per output driven now. Thread-safe.
 */
final class RoomArbiter {

    private record OutputKey(int featureIndex, OutputType type) {
    }

    private final Scheduling scheduling;
    private final Map<Device, Map<OutputKey, String>> owners = new IdentityHashMap<>();
    private ArbitrationPolicy policy = ArbitrationPolicy.shared();
    /** Told (under this lock) of each device whose drivers changed; see {@link #onDriversChanged}. */
    private Consumer<Device> driversChanged = device -> {
    };

    RoomArbiter(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    synchronized void policy(ArbitrationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    synchronized ArbitrationPolicy policy() {
        return policy;
    }

    /**
     * Who hears that the set of controllers driving a device changed (the room's presence). It is
     * called under this arbiter's lock and must only hand the news off.
     */
    synchronized void onDriversChanged(Consumer<Device> hook) {
        this.driversChanged = Objects.requireNonNull(hook, "hook");
    }

    /** The controllers that set the current value of an output of {@code device}, by feature. */
    synchronized List<String> drivers(Device device) {
        Map<OutputKey, String> byOutput = owners.getOrDefault(device, Map.of());
        return byOutput.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<OutputKey, String> e) -> e.getKey().featureIndex())
                        .thenComparing(e -> e.getKey().type()))
                .map(Map.Entry::getValue).distinct().toList();
    }

    /** Sends {@code outputs} of {@code controller} to {@code device} if the policy lets it. */
    synchronized CompletableFuture<Void> output(String controller, Device device, List<FeatureOutput> outputs) {
        ArbitrationPolicy.Claim claim;
        try {
            claim = policy.claim(controller, device.identifier(), device.name(), scheduling.nanoTime());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("the room's arbitration failed"));
        }
        if (claim == null || !claim.granted()) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(
                    claim == null || claim.refusal() == null ? "the room's arbitration refused" : claim.refusal()));
        }
        if (claim.previousHolder() != null && !claim.previousHolder().equals(controller)) {
            stopOwned(claim.previousHolder(), device);
        }
        Map<OutputKey, String> byOutput = owners.computeIfAbsent(device, d -> new HashMap<>());
        boolean changed = false;
        for (FeatureOutput o : outputs) {
            changed |= !controller.equals(byOutput.put(new OutputKey(o.featureIndex(), o.command().type()), controller));
        }
        if (changed) {
            driversChanged.accept(device);
        }
        return device.outputs(outputs);
    }

    /** {@code controller} stopped {@code device}: its outputs there stop, and what it held is free. */
    synchronized CompletableFuture<Void> stop(String controller, Device device) {
        policy.release(controller, device.identifier());
        return stopOwned(controller, device);
    }

    /** {@code controller} left: every output it set stops, and what it held is free. */
    synchronized void left(String controller) {
        policy.release(controller, null);
        for (Device device : List.copyOf(owners.keySet())) {
            stopOwned(controller, device);
        }
    }

    /** The device left the room. */
    synchronized void deviceLeft(Device device) {
        Map<OutputKey, String> had = owners.remove(device);
        policy.deviceLeft(device.identifier());
        if (had != null && !had.isEmpty()) {
            driversChanged.accept(device);
        }
    }

    /** Whether {@code controller} set the current value of an output of {@code device} (for tests). */
    synchronized boolean drives(String controller, Device device) {
        return owners.getOrDefault(device, Map.of()).containsValue(controller);
    }

    private CompletableFuture<Void> stopOwned(String controller, Device device) {
        Map<OutputKey, String> byOutput = owners.get(device);
        if (byOutput == null) {
            return CompletableFuture.completedFuture(null);
        }
        List<FeatureOutput> stops = new ArrayList<>();
        boolean changed = byOutput.containsValue(controller);
        byOutput.entrySet().removeIf(e -> {
            if (!e.getValue().equals(controller)) {
                return false;
            }
            OutputType type = e.getKey().type();
            // positions have no "off": they stay where they are, as a stop of one feature leaves them
            if (type != OutputType.POSITION && type != OutputType.HW_POSITION_WITH_DURATION) {
                stops.add(new FeatureOutput(e.getKey().featureIndex(), OutputCommand.of(type, 0)));
            }
            return true;
        });
        if (changed) {
            driversChanged.accept(device);
        }
        if (byOutput.isEmpty()) {
            // it set every output driven now: a whole stop, which also drops what is held on the way
            owners.remove(device);
            return device.stop();
        }
        stops.sort(java.util.Comparator.comparingInt(FeatureOutput::featureIndex));
        return stops.isEmpty() ? CompletableFuture.completedFuture(null) : device.outputs(stops);
    }
}
