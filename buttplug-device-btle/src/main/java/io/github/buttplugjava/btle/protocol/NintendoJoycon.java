package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Nintendo Joy-Con and Pro Controller rumble (HID output reports of 64 bytes on {@code tx}; the
 * first byte is the report id). Facts from the reference's {@code nintendo_joycon.rs}:
 * initialisation sends subcommand {@code 0x48} (enable vibration) with argument 1 in report
 * {@code 0x01}, packet number 0; rumble is report {@code 0x10}, packet number 1, the same 4-byte
 * rumble for the left and right motor (bytes 2..5 and 6..9) at 200 Hz and amplitude
 * {@code speed / 1000}, written every {@link #PERIOD} by the device layer's periodic work.
 *
 * <p>Difference from the reference, for safety: the reference writes nothing on a command and the
 * frame every 15 ms whatever the speed; here a command writes its frame at once (so a stop reaches
 * the controller even when the device is closing and its periodic work has ended), and the 15 ms
 * repeat runs while the rumble is on.
 */
final class NintendoJoycon implements ProtocolHandler {

    /** How often the rumble is written while it is on (the reference's update loop). */
    static final Duration PERIOD = Duration.ofMillis(15);
    /** The size of one output report, report id included. */
    static final int REPORT = 0x40;

    private int speed;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        byte[] enableVibration = report(0x01, 0, null, 0x48, 0x01);
        return io.write(Endpoint.TX, enableVibration, false);
    }

    @Override
    public List<PeriodicWork> periodicWork() {
        return List.of(new PeriodicWork(PERIOD, idle -> speed > 0
                ? List.of(HardwareCommand.writeDevice(Endpoint.TX, rumbleReport(speed), false))
                : List.of()));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        this.speed = speed;
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, rumbleReport(speed), false));
    }

    /** Report {@code 0x10} with the rumble of {@code speed} (0..1000) on both motors. */
    static byte[] rumbleReport(int speed) {
        float amplitude = speed / 1000f;
        byte[] rumble = amplitude > 0.001f ? rumble(200f, Math.min(amplitude, 1.799f)) : rumble(0f, 0f);
        return report(0x10, 1, rumble, 0);
    }

    /**
     * One output report: command (the report id), packet number, the rumble of both motors (or
     * none), subcommand and its arguments, zero-filled to {@link #REPORT} bytes.
     */
    static byte[] report(int command, int packet, byte[] rumble, int subCommand, int... arguments) {
        byte[] buf = new byte[REPORT];
        buf[0] = (byte) command;
        buf[1] = (byte) packet;
        if (rumble != null) {
            System.arraycopy(rumble, 0, buf, 2, 4);
            System.arraycopy(rumble, 0, buf, 6, 4);
        }
        buf[10] = (byte) subCommand;
        for (int i = 0; i < arguments.length; i++) {
            buf[11 + i] = (byte) arguments[i];
        }
        return buf;
    }

    /**
     * The 4 rumble bytes for a frequency and amplitude, computed in single precision with the
     * reference's saturating conversions (its stop rumble is {@code 00 00 41 40}).
     */
    static byte[] rumble(float frequency, float amplitude) {
        int encodedFreq = toU8(roundHalfAway(log2(frequency / 10f) * 32f));
        int hfFreq = Math.max(encodedFreq - 0x60, 0) * 4;
        int lfFreq = Math.max(encodedFreq - 0x41, 0) + 1;
        float encoded;
        if (amplitude > 0.23f) {
            encoded = roundHalfAway(log2(amplitude * 8.7f) * 32f);
        } else if (amplitude > 0.12f) {
            encoded = roundHalfAway(log2(amplitude * 17f) * 16f);
        } else {
            encoded = roundHalfAway(((log2(amplitude) * 32f) - 96f) / (4f - 2f * amplitude));
        }
        int encodedAmp = toU8(encoded);
        int hfAmp = Math.min(encodedAmp * 2, 0x1FC);
        int lfAmp = Math.min(encodedAmp / 2 + 64, 0x7F);
        return new byte[] {
            (byte) (hfFreq & 0xFF),
            (byte) (hfAmp + ((hfFreq >> 8) & 0xFF)),
            // the reference shifts the u8 lf_amp right by 8 with wrapping_shr, which shifts by 0
            (byte) Math.min(lfFreq + lfAmp, 0xFF),
            (byte) lfAmp,
        };
    }

    private static float log2(float x) {
        return (float) (Math.log(x) / Math.log(2));
    }

    private static float roundHalfAway(float x) {
        if (Float.isNaN(x) || Float.isInfinite(x)) {
            return x;
        }
        return (float) (Math.signum(x) * Math.floor(Math.abs(x) + 0.5));
    }

    /** Rust's saturating {@code f32 as u8}: NaN and below 0 give 0, above 255 gives 255, else truncation. */
    private static int toU8(float x) {
        if (Float.isNaN(x) || x <= 0) {
            return 0;
        }
        return x >= 255 ? 255 : (int) x;
    }
}
