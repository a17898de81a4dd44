package io.github.buttplugjava.core.message;

/**
 * An inclusive integer range {@code [min, max]}, as device features advertise them.
 *
 * @param min smallest value, inclusive
 * @param max largest value, inclusive, at least {@code min}
 */
public record Range(int min, int max) {

    /**
     * @param min smallest value, inclusive
     * @param max largest value, inclusive, at least {@code min}
     * @throws IllegalArgumentException when {@code max < min}
     */
    public Range {
        if (max < min) {
            throw new IllegalArgumentException("range max " + max + " is below min " + min);
        }
    }

    /**
     * The range {@code [0, max]}.
     *
     * @param max the largest value, at least 0
     * @return the range from 0 to {@code max}, both inclusive
     */
    public static Range upTo(int max) {
        return new Range(0, max);
    }

    /**
     * Whether {@code value} lies inside this range.
     *
     * @param value the value to test
     * @return true when {@code min <= value <= max}
     */
    public boolean contains(long value) {
        return value >= min && value <= max;
    }
}
