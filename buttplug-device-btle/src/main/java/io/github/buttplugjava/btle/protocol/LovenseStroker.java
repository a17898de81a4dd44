package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;

/**
 * Lovense Solace (BA, H): oscillation is {@code Mply:speed:range;} (range 0 at speed 0 on the H);
 * positions are reached by periodic work (run by the device layer) that writes
 * {@code FSetSite:<pos>;} one step toward the goal every 100 ms, in {@code duration/100} steps.
 */
final class LovenseStroker extends LovenseMode {

    static final Duration STEP_EVERY = Duration.ofMillis(100);
    private static final long POSITION_GROUP = 1L << 60;

    private final boolean zeroRange;
    private int goalPosition;
    private long goalDuration;
    private int lastGoal;
    private int currentPosition;
    private int moveAmount;

    /** @param zeroRange whether speed 0 also sets the range to 0 (the H) */
    LovenseStroker(boolean zeroRange) {
        this.zeroRange = zeroRange;
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Lovense.send(featureIndex, "Mply:" + speed + ":" + (speed == 0 && zeroRange ? 0 : 20) + ";");
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        goalPosition = position;
        goalDuration = durationMs;
        return List.of();
    }

    @Override
    public List<PeriodicWork> periodicWork() {
        return List.of(new PeriodicWork(STEP_EVERY, idle -> step()));
    }

    /** One step toward the goal, or nothing once there. */
    private List<HardwareCommand> step() {
        if (goalPosition != lastGoal) {
            lastGoal = goalPosition;
            long steps = Math.max(goalDuration / STEP_EVERY.toMillis(), 1);
            moveAmount = (int) ((lastGoal - currentPosition) / steps);
            if (moveAmount == 0) {
                moveAmount = Integer.signum(lastGoal - currentPosition);
            }
        }
        if (currentPosition == lastGoal) {
            return List.of();
        }
        currentPosition += moveAmount;
        if (moveAmount < 0 ? currentPosition < lastGoal : currentPosition > lastGoal) {
            currentPosition = lastGoal;
        }
        return List.of(new HardwareCommand.Write(Endpoint.TX, Lovense.ascii("FSetSite:" + currentPosition + ";"),
                false, POSITION_GROUP));
    }
}
