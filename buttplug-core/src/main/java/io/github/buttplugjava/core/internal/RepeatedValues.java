package io.github.buttplugjava.core.internal;

/**
 * One shared instance for equal immutable values that many decoded messages repeat (device
 * names, a device model's feature list), which a hub or a client keeps for every device it holds,
 * thousands of times over. Internal plumbing shared by the buttplug-java modules; public only so
 * sibling packages can use it.
 *
 * <p>A fixed table of slots, each holding the last value whose hash chose it: a value equal to the
 * slot's is answered with the slot's instance, any other takes the slot. The table never grows,
 * whatever a peer sends (a peer that sends many different values only evicts), and it needs no
 * lock: slots hold immutable values whose fields are final, and a slot read while another thread
 * writes it gives either value, both correct answers.
 *
 * <p>Only for values whose {@code equals} means "interchangeable": immutable, compared by content,
 * never used by identity.
 *
 * @param <T> the values' type
 */
public final class RepeatedValues<T> {

    private final Object[] table;

    /**
     * An empty table.
     *
     * @param slots the table's size, a power of two
     * @throws IllegalArgumentException when {@code slots} is not a positive power of two
     */
    public RepeatedValues(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a positive power of two: " + slots);
        }
        this.table = new Object[slots];
    }

    /**
     * The shared instance of {@code value}, or {@code value} itself when the table holds no equal one.
     *
     * @param value an immutable value, or null
     * @return an equal value (the same instance for equal values while it stays in its slot), or
     *         null for null
     */
    @SuppressWarnings("unchecked")
    public T shared(T value) {
        if (value == null) {
            return null;
        }
        int h = value.hashCode();
        int slot = (h ^ (h >>> 16)) & (table.length - 1);
        Object held = table[slot];
        if (value.equals(held)) {
            return (T) held;
        }
        table[slot] = value;
        return value;
    }
}
