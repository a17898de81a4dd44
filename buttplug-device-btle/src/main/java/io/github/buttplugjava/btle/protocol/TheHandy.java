package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The Handy (firmware 2, "handyplug"): protobuf messages with response on {@code tx}. A position
 * over time is {@code Payload{Messages: [Message{LinearCmd (403): {Id: 2, DeviceIndex: 0,
 * Vectors: [{Index: 0, Duration: ms, Position: p/100 (double)}]}}]}}, proto3-encoded (fields at
 * their default value are left out).
 */
final class TheHandy implements ProtocolHandler {

    private static final int LINEAR_CMD = 403;

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        ByteArrayOutputStream vector = new ByteArrayOutputStream();
        varintField(vector, 2, durationMs);
        double p = position / 100.0;
        if (p != 0.0) {
            tag(vector, 3, 1);
            long bits = Double.doubleToLongBits(p);
            for (int i = 0; i < 8; i++) {
                vector.write((int) (bits >>> (8 * i)));
            }
        }
        ByteArrayOutputStream linear = new ByteArrayOutputStream();
        varintField(linear, 1, 2);
        bytesField(linear, 3, vector.toByteArray());
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        bytesField(message, LINEAR_CMD, linear.toByteArray());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        bytesField(payload, 1, message.toByteArray());
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, payload.toByteArray(), true));
    }

    /** A varint field, left out when zero (proto3). */
    private static void varintField(ByteArrayOutputStream out, int field, long value) {
        if (value != 0) {
            tag(out, field, 0);
            varint(out, value);
        }
    }

    /** A length-delimited field (always written: message fields that are set). */
    private static void bytesField(ByteArrayOutputStream out, int field, byte[] data) {
        tag(out, field, 2);
        varint(out, data.length);
        out.writeBytes(data);
    }

    private static void tag(ByteArrayOutputStream out, int field, int wireType) {
        varint(out, ((long) field << 3) | wireType);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
