package io.github.buttplugjava.btle.protocol;

import java.io.ByteArrayOutputStream;

/**
 * Writes one protobuf message in the proto3 wire format, for the protocols that speak protobuf
 * (The Handy). Scalar fields at their default value are left out, as proto3 encoders do; message
 * fields are always written. Not thread-safe; one instance per message.
 */
final class ProtobufWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An unsigned varint field (uint32, uint64, enum, bool). */
    ProtobufWriter varint(int field, long value) {
        if (value != 0) {
            tag(field, 0);
            rawVarint(value);
        }
        return this;
    }

    /** A bool field. */
    ProtobufWriter bool(int field, boolean value) {
        return varint(field, value ? 1 : 0);
    }

    /** A float field (fixed32, little-endian). */
    ProtobufWriter float32(int field, float value) {
        if (value != 0.0f) {
            tag(field, 5);
            int bits = Float.floatToIntBits(value);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
        }
        return this;
    }

    /** A double field (fixed64, little-endian). */
    ProtobufWriter float64(int field, double value) {
        if (value != 0.0) {
            tag(field, 1);
            long bits = Double.doubleToLongBits(value);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
        }
        return this;
    }

    /** An embedded message field, written even when empty. */
    ProtobufWriter message(int field, ProtobufWriter message) {
        byte[] data = message.toByteArray();
        tag(field, 2);
        rawVarint(data.length);
        out.writeBytes(data);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
