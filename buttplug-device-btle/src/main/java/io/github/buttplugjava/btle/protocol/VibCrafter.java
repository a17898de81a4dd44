package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VibCrafter: ASCII messages AES-128-ECB encrypted (PKCS#7 padding, a fixed key) without response
 * on {@code tx}, replies on {@code rx}. Handshake: send {@code Auth:<6 random alphanumerics>;};
 * the toy answers {@code OK;} or a challenge {@code xxxx:<text>;}, answered with
 * {@code Auth:<first two bytes of SHA-256(text) in hex>;}. Speeds: {@code MtInt:<s0><s1>;} with
 * two-digit speeds.
 */
final class VibCrafter implements ProtocolHandler {

    private static final byte[] KEY = "jdk#Cra%f5Vib28r".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CHALLENGE = Pattern.compile("^[a-zA-Z0-9]{4}:([a-zA-Z0-9]+);$");
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_ROUNDS = 4;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final int[] speeds = new int[2];

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            token.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return io.subscribe(Endpoint.RX).thenCompose(v -> authenticate(io, "Auth:" + token + ";", 0));
    }

    private CompletableFuture<Void> authenticate(HardwareIo io, String message, int round) {
        if (round >= MAX_ROUNDS) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("VibCrafter handshake did not finish"));
        }
        CompletableFuture<byte[]> reply = io.nextNotification(Endpoint.RX, REPLY_TIMEOUT);
        return io.write(Endpoint.TX, encrypt(message), false)
                .thenCompose(v -> reply)
                .thenCompose(data -> {
                    String text = decrypt(data);
                    if (text.equals("OK;")) {
                        return CompletableFuture.completedFuture(null);
                    }
                    Matcher m = CHALLENGE.matcher(text);
                    if (!m.matches()) {
                        return CompletableFuture.failedFuture(
                                new ButtplugDeviceException("VibCrafter sent no valid security handshake"));
                    }
                    return authenticate(io, "Auth:" + challengeAnswer(m.group(1)) + ";", round + 1);
                });
    }

    /** The hex of the first two bytes of the SHA-256 of a challenge. */
    static String challengeAnswer(String challenge) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(challenge.getBytes(StandardCharsets.UTF_8));
            return String.format("%02x%02x", hash[0] & 0xff, hash[1] & 0xff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("VibCrafter has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        String text = String.format("MtInt:%02d%02d;", speeds[0], speeds[1]);
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, encrypt(text), false));
    }

    static byte[] encrypt(String text) {
        return crypt(Cipher.ENCRYPT_MODE, text.getBytes(StandardCharsets.US_ASCII));
    }

    static String decrypt(byte[] data) {
        return new String(crypt(Cipher.DECRYPT_MODE, data), StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
            cipher.init(mode, new SecretKeySpec(KEY, "AES"));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new ButtplugDeviceException("VibCrafter message could not be " +
                    (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted") + ": " + e.getMessage());
        }
    }
}
