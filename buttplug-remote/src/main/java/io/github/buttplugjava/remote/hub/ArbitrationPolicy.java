package io.github.buttplugjava.remote.hub;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Who of a room's controllers may drive a device now: the rule a room applies before a
 * controller's output reaches a device. An embedding app (a bot) can plug its own rule in
 * ({@link Room#arbitration(ArbitrationPolicy)}).
 *
 * <p>The room calls a policy under its own lock, one call at a time, so a policy needs no locking
 * of its own; its methods must be quick and must not block. Whatever a policy answers, a
 * controller can never exceed its {@linkplain ControllerCeiling ceiling} or the sharer's grant,
 * and when a controller leaves, the outputs it set stop.
 *
 * <p>A policy whose rule changes with time alone (turns that end while nobody sends a command)
 * says when through {@link #nextTick()}; the room then calls {@link #tick} at that time on its
 * {@linkplain io.github.buttplugjava.core.Scheduling scheduling} and stops the outputs of the
 * controllers the tick names before any other controller's command is decided. Times are the
 * room's clock ({@link io.github.buttplugjava.core.Scheduling#nanoTime()}): only differences mean
 * anything.
 */
public interface ArbitrationPolicy {

    /**
     * Whether {@code controller} may set outputs of a device now.
     *
     * @param controller the controller's name, unique in the room
     * @param deviceId   the device's identifier in the room (opaque, stable while it is shared)
     * @param deviceName the device's name as controllers see it, for refusals
     * @param nowNanos   the room's clock ({@link io.github.buttplugjava.core.Scheduling#nanoTime()})
     * @return granted (possibly handing the device over from another controller), or refused with
     *         a reason the controller is shown
     */
    Claim claim(String controller, String deviceId, String deviceName, long nowNanos);

    /**
     * {@code controller} stopped a device ({@code deviceId}) or left the room ({@code deviceId}
     * null): whatever it held is free.
     *
     * @param controller the controller's name
     * @param deviceId   the device it stopped, or null when it left
     */
    void release(String controller, String deviceId);

    /**
     * {@code controller} connected to the room: the order of these calls is the order of arrival.
     * Called again for every connected controller, in their order of arrival, when the room
     * switches to this policy. Does nothing by default.
     *
     * @param controller the controller's name
     * @param nowNanos   the room's clock
     */
    default void joined(String controller, long nowNanos) {
    }

    /**
     * {@code controller} left the room (disconnected, crashed, pinged out, expired or was
     * revoked): whatever it held is free, and the outputs it set have been stopped. By default
     * {@link #release(String, String) release(controller, null)}.
     *
     * @param controller the controller's name
     * @param nowNanos   the room's clock
     */
    default void left(String controller, long nowNanos) {
        release(controller, null);
    }

    /**
     * When the room should call {@link #tick} next, on the room's clock; asked after every call
     * into the policy. Empty (the default) when nothing is due with time alone.
     *
     * @return the room-clock time of the next tick, or empty
     */
    default OptionalLong nextTick() {
        return OptionalLong.empty();
    }

    /**
     * The time {@link #nextTick()} named has come (or passed: a tick may run late, and is also
     * run before a claim once it is due). The room stops every output whose current value a
     * controller named in the answer set, before it decides any other command.
     *
     * @param nowNanos the room's clock
     * @return the controllers whose outputs stop now (e.g. whose turn ended); empty by default
     */
    default List<String> tick(long nowNanos) {
        return List.of();
    }

    /**
     * The device left the room: forget whatever is kept about it. Does nothing by default.
     *
     * @param deviceId the device's identifier in the room
     */
    default void deviceLeft(String deviceId) {
    }

    /**
     * The latest command wins, per output of each device; every controller may drive every device.
     *
     * @return a new shared policy
     */
    static ArbitrationPolicy shared() {
        return new SharedPolicy();
    }

    /**
     * A controller that commands a device holds it until it has been idle for {@code lease}, stops
     * it, or leaves; the others are refused with the holder's name and the time left.
     *
     * @param lease how long a holder may be idle before another controller may take the device
     * @return a new exclusive policy
     * @throws IllegalArgumentException when {@code lease} is not positive
     */
    static ArbitrationPolicy exclusive(Duration lease) {
        return new ExclusivePolicy(lease);
    }

    /**
     * Controllers take turns of {@code turn} each, in their order of arrival: only the controller
     * whose turn it is may drive; the others are refused with whose turn it is, for how long, and
     * when theirs comes. When a turn ends, every output the controller set stops, then the next
     * controller may drive, even when nobody sends a command. A controller alone in the room keeps
     * the turn; one that leaves gives its turn up to the next at once.
     *
     * @param turn how long each turn lasts
     * @return a new turns policy
     * @throws IllegalArgumentException when {@code turn} is not positive
     */
    static ArbitrationPolicy turns(Duration turn) {
        return new TurnsPolicy(turn);
    }

    /**
     * An answer to {@link #claim}.
     *
     * @param granted        whether the controller may set the outputs
     * @param previousHolder when granted: the controller the device is taken from (its outputs on
     *                       the device stop before the new command), or null
     * @param refusal        when refused: why, in words for the controller; else null
     */
    record Claim(boolean granted, String previousHolder, String refusal) {

        /**
         * Granted, taken from nobody.
         *
         * @return the claim
         */
        public static Claim grant() {
            return new Claim(true, null, null);
        }

        /**
         * Granted, taken from {@code previousHolder}, whose outputs on the device stop first.
         *
         * @param previousHolder the controller that held the device
         * @return the claim
         */
        public static Claim handover(String previousHolder) {
            return new Claim(true, previousHolder, null);
        }

        /**
         * Refused.
         *
         * @param reason why, in words for the controller
         * @return the claim
         */
        public static Claim refuse(String reason) {
            return new Claim(false, null, reason);
        }
    }
}
