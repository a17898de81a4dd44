package io.github.buttplugjava.remote.hub;

import java.time.Duration;

/**
 * Who of a room's controllers may drive a device now: the rule a room applies before a
 * controller's output reaches a device. An embedding app (a bot) can plug its own rule in
 * ({@link Room#arbitration(ArbitrationPolicy)}).
 *
 * <p>The room calls a policy under its own lock, one call at a time, so a policy needs no locking
 * of its own; its methods must be quick and must not block. Whatever a policy answers, a
 * controller can never exceed its {@linkplain ControllerCeiling ceiling} or the sharer's grant,
 * and when a controller leaves, the outputs it set stop.
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
