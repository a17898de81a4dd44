package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Builds the one-write results most protocols return, from int byte values. */
final class Frames {

    private Frames() {
    }

    /** Bytes from ints (each taken modulo 256). */
    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** One write of feature {@code featureIndex}'s state. */
    static List<HardwareCommand> feature(int featureIndex, Endpoint endpoint, boolean withResponse, int... data) {
        return List.of(HardwareCommand.write(featureIndex, endpoint, bytes(data), withResponse));
    }

    /** One write of the whole device's state. */
    static List<HardwareCommand> device(Endpoint endpoint, boolean withResponse, int... data) {
        return List.of(HardwareCommand.writeDevice(endpoint, bytes(data), withResponse));
    }
}
