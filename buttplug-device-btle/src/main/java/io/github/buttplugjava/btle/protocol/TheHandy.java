package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The Handy (Bluetooth firmware): protobuf {@code handyplug.Payload} frames on {@code tx}, with
 * response. A move is {@code Payload{Messages:[Message{LinearCmd(403){Id:2, DeviceIndex:0,
 * Vectors:[{Index:0, Duration:ms, Position:pos/100}]}}]}}. Encoded by hand (proto3: zero fields
 * left out).
 */
final class TheHandy implements ProtocolHandler {

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, linear(position / 100.0, durationMs), true));
    }

    static byte[] linear(double position, long durationMs) {
        ByteArrayOutputStream vector = new ByteArrayOutputStream();
        if (durationMs != 0) {
            varintField(vector, 2, durationMs);
        }
        if (position != 0.0) {
            tag(vector, 3, 1);
            long bits = Double.doubleToLongBits(position);
            for (int i = 0; i < 8; i++) {
                vector.write((int) (bits >>> (8 * i)));
            }
        }
        ByteArrayOutputStream cmd = new ByteArrayOutputStream();
        varintField(cmd, 1, 2);
        bytesField(cmd, 3, vector.toByteArray());
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        bytesField(message, 403, cmd.toByteArray());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        bytesField(payload, 1, message.toByteArray());
        return payload.toByteArray();
    }

    private static void tag(ByteArrayOutputStream out, int field, int wireType) {
        varint(out, ((long) field << 3) | wireType);
    }

    private static void varintField(ByteArrayOutputStream out, int field, long value) {
        tag(out, field, 0);
        varint(out, value);
    }

    private static void bytesField(ByteArrayOutputStream out, int field, byte[] data) {
        tag(out, field, 2);
        varint(out, data.length);
        out.writeBytes(data);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
