package io.github.buttplugjava.core.codec.internal;

/**
 * The spec's float-to-step rules for legacy commands (spec.md §10.1): values are already checked
 * to lie in 0.0..1.0; below 1e-6 counts as 0; otherwise {@code ceil(steps * v)}, or truncation for
 * LinearCmd positions. And the reverse, for a client writing legacy commands: the float that the
 * server's rule turns back into exactly the same step.
 */
public final class ScalarMath {
    /** Values below this count as 0. */
    public static final double ZERO_THRESHOLD = 1e-6;

    private ScalarMath() {
    }

    /**
     * {@code ceil(steps * v)}, 0 for tiny values.
     *
     * @param v the legacy value, 0.0..1.0
     * @param steps the feature's step count
     * @return the step, 0..steps
     */
    public static int ceilSteps(double v, int steps) {
        if (v < ZERO_THRESHOLD) {
            return 0;
        }
        return (int) Math.ceil(steps * v);
    }

    /**
     * {@code trunc(steps * v)}, 0 for tiny values (LinearCmd).
     *
     * @param v the legacy position, 0.0..1.0
     * @param steps the feature's step count
     * @return the step, 0..steps
     */
    public static int truncSteps(double v, int steps) {
        if (v < ZERO_THRESHOLD) {
            return 0;
        }
        return (int) (steps * v);
    }

    /**
     * The float in 0..1 that {@link #ceilSteps} maps to {@code step} ({@code 0 <= step <= steps}).
     *
     * @param step the wanted step, 0..steps
     * @param steps the feature's step count
     * @return the value to send
     */
    public static double unitForCeil(int step, int steps) {
        if (step <= 0 || steps <= 0) {
            return 0.0;
        }
        double v = Math.min(1.0, (double) step / steps);
        for (int i = 0; i < 8 && ceilSteps(v, steps) > step; i++) {
            v = Math.nextDown(v);
        }
        for (int i = 0; i < 8 && ceilSteps(v, steps) < step; i++) {
            v = Math.nextUp(v);
        }
        return v;
    }

    /**
     * The float in 0..1 that {@link #truncSteps} maps to {@code step} ({@code 0 <= step <= steps}).
     *
     * @param step the wanted step, 0..steps
     * @param steps the feature's step count
     * @return the value to send
     */
    public static double unitForTrunc(int step, int steps) {
        if (step <= 0 || steps <= 0) {
            return 0.0;
        }
        double v = Math.min(1.0, (double) step / steps);
        for (int i = 0; i < 8 && truncSteps(v, steps) < step; i++) {
            v = Math.nextUp(v);
        }
        for (int i = 0; i < 8 && truncSteps(v, steps) > step; i++) {
            v = Math.nextDown(v);
        }
        return v;
    }
}
