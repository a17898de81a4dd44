package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fluffer: subscribes {@code rx}; frames are AES-128/ECB/PKCS7 encrypted with a fixed key.
 * Outputs in one frame {@code 82 0f 05 00 s0 s1 00 00}; counter-clockwise rotation adds 100.
 * (The authentication exchange of devices that advertise their manufacturer data is not done.)
 */
final class Fluffer implements ProtocolHandler {

    private static final SecretKeySpec KEY = new SecretKeySpec("jdk#Flu%y6fer32f".getBytes(StandardCharsets.US_ASCII), "AES");
    private final int[] speeds = new int[2];

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.subscribe(Endpoint.RX);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return frame();
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed < 0 ? -speed + 100 : speed);
    }

    private List<HardwareCommand> frame() {
        return List.of(HardwareCommand.writeDevice(Endpoint.TX,
                encrypt(Frames.bytes(0x82, 0x0f, 0x05, 0x00, speeds[0], speeds[1], 0x00, 0x00)), false));
    }

    static byte[] encrypt(byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, KEY);
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new ButtplugDeviceException("AES is not available: " + e.getMessage(), e);
        }
    }
}
