package io.github.buttplugjava.btle.protocol;

/** The Galaku frame scrambling: prefix 0x23, byte-sum suffix, then a keyed table per byte. */
final class GalakuCipher {

    private static final int[][] KEYS = {
        {0, 24, 152, 247, 165, 61, 13, 41, 37, 80, 68, 70},
        {0, 69, 110, 106, 111, 120, 32, 83, 45, 49, 46, 55},
        {0, 101, 120, 32, 84, 111, 121, 115, 10, 142, 157, 163},
        {0, 197, 214, 231, 248, 10, 50, 32, 111, 98, 13, 10},
    };

    private GalakuCipher() {
    }

    /** {@code 23 ++ payload ++ sum}, scrambled: at most 11 payload bytes. */
    static byte[] frame(int... payload) {
        int[] plain = new int[payload.length + 2];
        plain[0] = 0x23;
        int sum = 0x23;
        for (int i = 0; i < payload.length; i++) {
            plain[i + 1] = payload[i] & 0xff;
            sum += payload[i] & 0xff;
        }
        plain[plain.length - 1] = sum & 0xff;
        byte[] out = new byte[plain.length];
        int previous = plain[0];
        out[0] = (byte) previous;
        for (int i = 1; i < plain.length; i++) {
            int k = KEYS[previous & 3][i];
            previous = ((k ^ plain[0] ^ plain[i]) + k) & 0xff;
            out[i] = (byte) previous;
        }
        return out;
    }
}
