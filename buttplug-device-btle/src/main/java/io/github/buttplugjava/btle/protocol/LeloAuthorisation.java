package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The Lelo security handshake: subscribe the security endpoint; all zeros = not yet authorised
 * (the user taps the power button), {@code 01 00..} = authorised; anything else is a password that
 * is written back (unsubscribe, write with response, subscribe again).
 */
final class LeloAuthorisation {

    /** How long the user has to tap the button. */
    private static final Duration TAP_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_STEPS = 64;

    private LeloAuthorisation() {
    }

    static CompletableFuture<Void> run(HardwareIo io, Endpoint security) {
        NotificationQueue queue = new NotificationQueue(io, security);
        return io.subscribe(security)
                .thenCompose(v -> step(io, security, queue, 0))
                .whenComplete((v, e) -> queue.close());
    }

    private static CompletableFuture<Void> step(HardwareIo io, Endpoint security, NotificationQueue queue, int count) {
        if (count > MAX_STEPS) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("Lelo handshake did not settle"));
        }
        return queue.next(TAP_TIMEOUT).thenCompose(n -> {
            if (allZero(n, 0)) {
                return step(io, security, queue, count + 1);
            }
            if (n.length > 0 && n[0] == 1 && allZero(n, 1)) {
                return CompletableFuture.completedFuture(null);
            }
            return io.unsubscribe(security)
                    .thenCompose(v -> io.write(security, n, true))
                    .thenCompose(v -> io.subscribe(security))
                    .thenCompose(v -> step(io, security, queue, count + 1));
        });
    }

    private static boolean allZero(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
