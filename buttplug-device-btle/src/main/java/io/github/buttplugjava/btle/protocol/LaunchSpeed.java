package io.github.buttplugjava.btle.protocol;

/** The Fleshlight Launch speed curve used by Kiiroo strokers: speed (0-1) for a move of a distance (0-1) in a time. */
final class LaunchSpeed {

    private LaunchSpeed() {
    }

    /** {@code 250 * ((ms*90)/(distance*100))^-1.05}. */
    static double speed(double distance, long durationMs) {
        if (distance < 0) {
            return 0;
        }
        distance = Math.min(distance, 1);
        return 250 * Math.pow((durationMs * 90.0) / (distance * 100.0), -1.05);
    }

    /** The 0-99 speed byte for a move from {@code from} to {@code to} (both 0-99). */
    static int speedByte(int from, int to, long durationMs) {
        double v = speed(Math.abs(from - to) / 99.0, durationMs) * 99.0;
        if (Double.isNaN(v) || v < 0) {
            return 0;
        }
        return (int) Math.min(v, 255);
    }
}
