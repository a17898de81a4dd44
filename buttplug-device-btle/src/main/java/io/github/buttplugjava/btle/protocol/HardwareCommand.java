package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * One endpoint operation a protocol handler asks for. Handlers return these without doing I/O; the
 * device writes them in order.
 *
 * <p>Writes carry a {@code group}: a bit set naming what the write sets (bit {@code i} = feature
 * {@code i}, high bits = protocol-wide state). When the device batches commands that arrive
 * within its batching window, a later write replaces a pending one whose group overlaps, so a
 * command for two motors of a one-frame protocol ends in one frame.
 */
public sealed interface HardwareCommand {

    /** A group covering the whole device: every write of this group replaces the previous one. */
    long DEVICE_GROUP = 1L << 63;

    /**
     * The endpoint the command is for.
     *
     * @return the endpoint, never null
     */
    Endpoint endpoint();

    /**
     * Whether this command replaces {@code earlier} when both wait in one batch.
     *
     * @param earlier a command queued before this one in the same batch
     * @return true when only this command needs to be written
     */
    boolean overlaps(HardwareCommand earlier);

    /**
     * The group of a feature index (0..55).
     *
     * @param featureIndex the feature index, 0..55
     * @return the group with only bit {@code featureIndex} set
     * @throws IllegalArgumentException when the index is outside 0..55
     */
    static long featureGroup(int featureIndex) {
        if (featureIndex < 0 || featureIndex > 55) {
            throw new IllegalArgumentException("feature index out of range: " + featureIndex);
        }
        return 1L << featureIndex;
    }

    /**
     * A write to feature {@code featureIndex}'s state.
     *
     * @param featureIndex the feature whose state the bytes set, 0..55
     * @param endpoint the endpoint to write
     * @param data the bytes (copied)
     * @param withResponse write with response (request) rather than without (command)
     * @return the write, in the feature's group
     */
    static Write write(int featureIndex, Endpoint endpoint, byte[] data, boolean withResponse) {
        return new Write(endpoint, data, withResponse, featureGroup(featureIndex));
    }

    /**
     * A write of the whole device's state.
     *
     * @param endpoint the endpoint to write
     * @param data the bytes (copied)
     * @param withResponse write with response (request) rather than without (command)
     * @return the write, in {@link #DEVICE_GROUP}
     */
    static Write writeDevice(Endpoint endpoint, byte[] data, boolean withResponse) {
        return new Write(endpoint, data, withResponse, DEVICE_GROUP);
    }

    /**
     * Write bytes to an endpoint.
     *
     * @param endpoint     the endpoint
     * @param data         the bytes (copied)
     * @param withResponse write with response (request) rather than without (command)
     * @param group        what the write sets, see {@link HardwareCommand}
     */
    record Write(Endpoint endpoint, byte[] data, boolean withResponse, long group) implements HardwareCommand {

        /**
         * Copies the bytes.
         *
         * @param endpoint the endpoint
         * @param data the bytes (copied)
         * @param withResponse write with response (request) rather than without (command)
         * @param group what the write sets, see {@link HardwareCommand}
         */
        public Write {
            Objects.requireNonNull(endpoint, "endpoint");
            data = data.clone();
        }

        /**
         * The bytes, copied.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean overlaps(HardwareCommand earlier) {
            return earlier instanceof Write w && (w.group & group) != 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Write w && w.endpoint == endpoint && w.withResponse == withResponse
                    && Arrays.equals(w.data, data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(endpoint, withResponse, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Write[" + endpoint.configName() + ", " + Arrays.toString(toUnsigned(data))
                    + (withResponse ? ", with response" : "") + "]";
        }
    }

    /**
     * Subscribe to an endpoint's notifications.
     *
     * @param endpoint the endpoint to subscribe to
     */
    record Subscribe(Endpoint endpoint) implements HardwareCommand {
        /**
         * Checks the endpoint.
         *
         * @param endpoint the endpoint to subscribe to
         */
        public Subscribe {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public boolean overlaps(HardwareCommand earlier) {
            return false;
        }
    }

    /**
     * End a subscription to an endpoint.
     *
     * @param endpoint the endpoint whose subscription ends
     */
    record Unsubscribe(Endpoint endpoint) implements HardwareCommand {
        /**
         * Checks the endpoint.
         *
         * @param endpoint the endpoint whose subscription ends
         */
        public Unsubscribe {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public boolean overlaps(HardwareCommand earlier) {
            return false;
        }
    }

    private static int[] toUnsigned(byte[] data) {
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] & 0xff;
        }
        return out;
    }
}
