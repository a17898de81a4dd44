package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Honey Play Box: handshake {@code b1 01 [00 10]} (with response, retried up to 3 times) answered
 * with code {@code 90 00} and a 16-byte session token; every command sends all motors as signed
 * {@code b1 03} vibrate groups ({@link HoneyPlayBoxFrames}), with response, and periodic work (run
 * by the device layer) resends them after 500 ms without a write, checked every 100 ms.
 */
final class HoneyPlayBox implements ProtocolHandler {

    private static final int RETRIES = 3;
    static final Duration CHECK_EVERY = Duration.ofMillis(100);
    static final Duration RESEND_AFTER = Duration.ofMillis(500);
    private int counter;
    private byte[] token;
    private final int[] strengths;

    /** @param outputs how many outputs the definition has */
    HoneyPlayBox(int outputs) {
        strengths = new int[Math.max(1, outputs)];
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        NotificationQueue rx = new NotificationQueue(io, Endpoint.RX);
        HoneyPlayBoxFrames collector = new HoneyPlayBoxFrames();
        return io.subscribe(Endpoint.RX)
                .thenCompose(v -> handshake(io, rx, collector, 0))
                .whenComplete((v, e) -> rx.close());
    }

    @Override
    public List<PeriodicWork> periodicWork() {
        return List.of(new PeriodicWork(CHECK_EVERY, idle -> {
            if (idle.compareTo(RESEND_AFTER) < 0) {
                return List.of();
            }
            synchronized (this) {
                return List.of(HardwareCommand.writeDevice(Endpoint.TX, nextFrame(), true));
            }
        }));
    }

    private CompletableFuture<Void> handshake(HardwareIo io, NotificationQueue rx, HoneyPlayBoxFrames collector, int attempt) {
        int id;
        synchronized (this) {
            id = counter;
            counter = (counter + 1) & 0xff;
        }
        return io.write(Endpoint.TX, HoneyPlayBoxFrames.frame(0xb1, 0x01, Frames.bytes(0x00, 0x10), id), true)
                .thenCompose(v -> await(rx, collector, Duration.ofSeconds(attempt + 1), 0))
                .exceptionallyCompose(e -> {
                    Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (c instanceof TimeoutException && attempt < RETRIES) {
                        return handshake(io, rx, collector, attempt + 1);
                    }
                    return CompletableFuture.failedFuture(c instanceof TimeoutException
                            ? new ButtplugDeviceException("Honey Play Box handshake failed after " + RETRIES + " retries") : c);
                });
    }

    private CompletableFuture<Void> await(NotificationQueue rx, HoneyPlayBoxFrames collector, Duration timeout, int seen) {
        if (seen >= 3) {
            return CompletableFuture.failedFuture(new TimeoutException("no handshake answer"));
        }
        return rx.next(timeout).thenCompose(data -> {
            for (byte[] frame : collector.push(data)) {
                int code = HoneyPlayBoxFrames.responseCode(frame);
                if (code == 0x9000) {
                    byte[] t = HoneyPlayBoxFrames.token(frame);
                    if (t != null) {
                        synchronized (this) {
                            token = t;
                        }
                        return CompletableFuture.completedFuture(null);
                    }
                } else if (code >= 0) {
                    return CompletableFuture.failedFuture(new ButtplugDeviceException(
                            String.format("Honey Play Box handshake refused, code %04X", code)));
                }
            }
            return await(rx, collector, timeout, seen + 1);
        });
    }

    private byte[] nextFrame() {
        counter = (counter + 1) & 0xff;
        return HoneyPlayBoxFrames.frame(0xb1, 0x03, HoneyPlayBoxFrames.vibratePayload(token, strengths), counter);
    }

    private synchronized List<HardwareCommand> set(int featureIndex, int strength) {
        if (featureIndex >= strengths.length) {
            throw ProtocolHandler.unsupported("motor " + featureIndex);
        }
        strengths[featureIndex] = strength;
        // one frame per feature, each with the next counter, as the reference writes (upstream case: a stop is two frames)
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, nextFrame(), true));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return set(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return set(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return set(featureIndex, Math.abs(speed));
    }
}
