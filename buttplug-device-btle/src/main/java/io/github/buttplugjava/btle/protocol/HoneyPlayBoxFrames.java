package io.github.buttplugjava.btle.protocol;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Honey Play Box framing: {@code 02 a5 5a 55 aa f0 counter type cmd len_hi len_lo data.. 03 crc_hi crc_lo}
 * (CRC-16/MODBUS over type, cmd, length and data), the signed vibrate payload, and reassembly of
 * frames from notifications.
 */
final class HoneyPlayBoxFrames {

    private static final byte[] START = {0x02, (byte) 0xa5, 0x5a, 0x55, (byte) 0xaa, (byte) 0xf0};
    private static final byte[] SECRET = Frames.bytes(0x8b, 0xe3, 0xfd, 0x04, 0x68, 0x35, 0x09, 0x86,
            0x12, 0x1a, 0xbf, 0x03, 0x30, 0xe9, 0xe3, 0xc5);

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    static byte[] frame(int type, int cmd, byte[] data, int counter) {
        ByteArrayOutputStream crcData = new ByteArrayOutputStream();
        crcData.write(type);
        crcData.write(cmd);
        crcData.write(data.length >> 8);
        crcData.write(data.length);
        crcData.writeBytes(data);
        int crc = crc16Modbus(crcData.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(START);
        out.write(counter);
        out.write(type);
        out.write(cmd);
        out.write(data.length >> 8);
        out.write(data.length);
        out.writeBytes(data);
        out.write(0x03);
        out.write(crc >> 8);
        out.write(crc);
        return out.toByteArray();
    }

    static int crc16Modbus(byte[] data) {
        int crc = 0xffff;
        for (byte b : data) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** Steady vibration groups (mode 1, 6 s) for every motor, signed with MD5 over header, data, secret and the session token. */
    static byte[] vibratePayload(byte[] token, int[] strengths) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < strengths.length; i++) {
            data.write(((i & 0x0f) << 4) | 1);
            data.write(0x00);
            data.write(0x05);
            data.write(0x00);
            data.write(60);
            data.write(0x00);
            data.write(0x00);
            data.write(strengths[i]);
        }
        byte[] groups = data.toByteArray();
        int length = groups.length + 8;
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(Frames.bytes(0xb1, 0x03, length >> 8, length));
            md5.update(groups);
            md5.update(SECRET);
            md5.update(token);
            byte[] digest = md5.digest();
            data.write(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
        return data.toByteArray();
    }

    /** Adds notification bytes; returns the complete frames found. */
    List<byte[]> push(byte[] bytes) {
        buffer.writeBytes(bytes);
        byte[] b = buffer.toByteArray();
        List<byte[]> frames = new ArrayList<>();
        int pos = 0;
        while (true) {
            int start = indexOf(b, pos);
            if (start < 0) {
                pos = b.length;
                break;
            }
            pos = start;
            if (b.length - pos < 11) {
                break;
            }
            int len = ((b[pos + 9] & 0xff) << 8) | (b[pos + 10] & 0xff);
            int frameLen = 11 + len + 3;
            if (b.length - pos < frameLen) {
                break;
            }
            if (b[pos + 11 + len] != 0x03) {
                pos++;
                continue;
            }
            byte[] frame = new byte[frameLen];
            System.arraycopy(b, pos, frame, 0, frameLen);
            frames.add(frame);
            pos += frameLen;
        }
        buffer.reset();
        buffer.write(b, pos, b.length - pos);
        return frames;
    }

    private static int indexOf(byte[] b, int from) {
        outer:
        for (int i = from; i + START.length <= b.length; i++) {
            for (int j = 0; j < START.length; j++) {
                if (b[i + j] != START[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The response code (first two data bytes) of a frame, or -1. */
    static int responseCode(byte[] frame) {
        if (frame.length < 15) {
            return -1;
        }
        int len = ((frame[9] & 0xff) << 8) | (frame[10] & 0xff);
        return len >= 2 ? ((frame[11] & 0xff) << 8) | (frame[12] & 0xff) : -1;
    }

    /** The 16-byte session token after the response code, or null. */
    static byte[] token(byte[] frame) {
        int len = ((frame[9] & 0xff) << 8) | (frame[10] & 0xff);
        if (frame.length < 11 + len || len < 18) {
            return null;
        }
        byte[] token = new byte[16];
        System.arraycopy(frame, 13, token, 0, 16);
        return token;
    }
}
