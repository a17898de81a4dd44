package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The room's record of which controller set the current value of each output, and the gate every
 * controller's output passes: the {@link ArbitrationPolicy} is asked, a handover stops the
 * previous holder's outputs on the device first, and the command is sent, all under one lock, so
 * commands reach a device in the order they were decided. (Sending never blocks: a device hands
 * the command to its link.) A controller that stops a device or leaves stops exactly the outputs
 * whose current value it set: each of them set to zero, or, when it set every output driven now,
 * with a whole stop of the device. Holds one entry per output driven now.
 *
 * <p>Policy-driven time: after every call into the policy the arbiter asks it for its
 * {@linkplain ArbitrationPolicy#nextTick() next tick} and keeps one timer on the room's scheduling
 * for it; the tick (run on the executor, and also before a claim once due) stops the outputs of the
 * controllers it names, under the same lock, so a handover stops first and the next controller's
 * command comes after. It also keeps the connected controllers in their order of arrival (at most
 * one entry per controller), to tell a policy that comes in later. Thread-safe.
 */
final class RoomArbiter {

    private static final Logger log = LoggerFactory.getLogger(RoomArbiter.class);

    /** Most ticks run back to back in one go (a policy that keeps asking for one now is cut off). */
    private static final int MAX_TICKS_AT_ONCE = Room.MAX_CONTROLLERS + 1;

    private record OutputKey(int featureIndex, OutputType type) {
    }

    private final Scheduling scheduling;
    private final Map<Device, Map<OutputKey, String>> owners = new IdentityHashMap<>();
    private ArbitrationPolicy policy = ArbitrationPolicy.shared();
    /** Connected controllers, in order of arrival. */
    private final Set<String> connected = new LinkedHashSet<>();
    private ScheduledFuture<?> timer;
    private long timerDueNanos;
    private boolean closed;
    /** Told (under this lock) of each device whose drivers changed; see {@link #onDriversChanged}. */
    private Consumer<Device> driversChanged = device -> {
    };

    RoomArbiter(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    synchronized void policy(ArbitrationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        long now = scheduling.nanoTime();
        for (String controller : connected) {
            call(() -> policy.joined(controller, now));
        }
        reschedule();
    }

    /** {@code controller} connected: it arrives after every controller connected now. */
    synchronized void joined(String controller) {
        if (connected.add(controller)) {
            long now = scheduling.nanoTime();
            call(() -> policy.joined(controller, now));
            reschedule();
        }
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
        runDueTicks();
        ArbitrationPolicy.Claim claim;
        try {
            claim = policy.claim(controller, device.identifier(), device.name(), scheduling.nanoTime());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("the room's arbitration failed"));
        } finally {
            reschedule();
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
        call(() -> policy.release(controller, device.identifier()));
        reschedule();
        return stopOwned(controller, device);
    }

    /** {@code controller} left: every output it set stops, and what it held is free. */
    synchronized void left(String controller) {
        connected.remove(controller);
        stopAllOwned(controller);
        long now = scheduling.nanoTime();
        call(() -> policy.left(controller, now));
        reschedule();
    }

    /** The device left the room. */
    synchronized void deviceLeft(Device device) {
        Map<OutputKey, String> had = owners.remove(device);
        call(() -> policy.deviceLeft(device.identifier()));
        reschedule();
        if (had != null && !had.isEmpty()) {
            driversChanged.accept(device);
        }
    }

    /** Runs the policy's ticks that are due: the outputs of the controllers they name stop. */
    synchronized void tick() {
        runDueTicks();
        reschedule();
    }

    /** No more ticks (the room is closing). */
    synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void runDueTicks() {
        for (int i = 0; i < MAX_TICKS_AT_ONCE; i++) {
            long now = scheduling.nanoTime();
            OptionalLong due = nextTick();
            if (due.isEmpty() || now - due.getAsLong() < 0) {
                return;
            }
            List<String> ended;
            try {
                ended = List.copyOf(policy.tick(now));
            } catch (RuntimeException e) {
                log.warn("the room's arbitration policy {} failed on a tick", policy, e);
                return;
            }
            ended.forEach(this::stopAllOwned);
        }
        log.warn("the room's arbitration policy {} asked for {} ticks at once; the rest waits", policy, MAX_TICKS_AT_ONCE);
    }

    private OptionalLong nextTick() {
        try {
            OptionalLong next = policy.nextTick();
            return next == null ? OptionalLong.empty() : next;
        } catch (RuntimeException e) {
            log.warn("the room's arbitration policy {} failed to say its next tick", policy, e);
            return OptionalLong.empty();
        }
    }

    /** Keeps one timer for the policy's next tick. */
    private void reschedule() {
        OptionalLong next = closed ? OptionalLong.empty() : nextTick();
        if (timer != null && next.isPresent() && next.getAsLong() == timerDueNanos && !timer.isDone()) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (next.isPresent()) {
            timerDueNanos = next.getAsLong();
            long delay = Math.max(0, timerDueNanos - scheduling.nanoTime());
            timer = scheduling.scheduler().schedule(() -> scheduling.executor().execute(this::tick),
                    delay, TimeUnit.NANOSECONDS);
        }
    }

    private void call(Runnable policyCall) {
        try {
            policyCall.run();
        } catch (RuntimeException e) {
            log.warn("the room's arbitration policy {} failed", policy, e);
        }
    }

    private void stopAllOwned(String controller) {
        for (Device device : List.copyOf(owners.keySet())) {
            stopOwned(controller, device);
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
