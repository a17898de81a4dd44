package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The Lovense battery read: {@code Battery;} answered by {@code 85;} on {@code rx}. Other replies
 * (a late {@code OK;} of an earlier command) are skipped.
 *
 * <p>The wait is the reference's ({@code lovense/mod.rs}, dev since {@code d6eba761}): each reply
 * is awaited for at most {@value #REPLY_TIMEOUT_MS} ms ({@code LOVENSE_COMMAND_TIMEOUT_MS}), and
 * no reply in that time fails the read (the reference's master branch waited without end). The
 * reference restarts that wait after every skipped reply, so a toy that keeps sending other
 * notifications keeps the read open; here the read also ends after {@link #BATTERY_TIMEOUT} in all
 * and after {@link #MAX_SKIPPED} skipped replies.
 */
final class LovenseBattery {

    /** How long a battery read waits for each reply, as the reference does. */
    static final long REPLY_TIMEOUT_MS = 500;
    /** How long a battery read waits in all, skipping replies that are not battery levels. */
    static final Duration BATTERY_TIMEOUT = Duration.ofSeconds(2);
    /** How many non-battery replies a battery read skips before it gives up. */
    static final int MAX_SKIPPED = 8;

    private LovenseBattery() {
    }

    static CompletableFuture<Integer> read(HardwareIo io) {
        long deadline = System.nanoTime() + BATTERY_TIMEOUT.toNanos();
        CompletableFuture<byte[]> reply = io.nextNotification(Endpoint.RX, Duration.ofMillis(REPLY_TIMEOUT_MS));
        // the wait is chained to the first reply now, not once the write is done: a late reply to an
        // earlier command can arrive before the write completes, and the next waiter must then be
        // in place (registered where that reply is delivered) before the battery reply follows it
        CompletableFuture<Integer> level = awaitBattery(io, reply, deadline, new ArrayList<>());
        return io.write(Endpoint.TX, Lovense.ascii("Battery;"), false).thenCompose(v -> level);
    }

    /**
     * The level from the first battery-shaped reply on {@code rx}. Replies that are not one are
     * skipped, at most {@link #MAX_SKIPPED} of them and only until {@link #BATTERY_TIMEOUT} has
     * passed since the request; each is awaited for at most {@value #REPLY_TIMEOUT_MS} ms.
     */
    private static CompletableFuture<Integer> awaitBattery(HardwareIo io, CompletableFuture<byte[]> reply, long deadline,
                                                           List<String> skipped) {
        return reply.exceptionallyCompose(e -> CompletableFuture.failedFuture(Lovense.unwrap(e) instanceof TimeoutException
                        ? new ButtplugDeviceException("Lovense sent no battery reply within " + REPLY_TIMEOUT_MS
                                + " ms" + (skipped.isEmpty() ? "" : " (only " + skipped + ")"))
                        : e))
                .thenCompose(data -> {
                    OptionalInt level = batteryLevel(data);
                    if (level.isPresent()) {
                        return CompletableFuture.completedFuture(level.getAsInt());
                    }
                    skipped.add(new String(data, StandardCharsets.UTF_8).trim());
                    long left = deadline - System.nanoTime();
                    if (skipped.size() >= MAX_SKIPPED || left <= 0) {
                        return CompletableFuture.failedFuture(new ButtplugDeviceException(
                                "Lovense battery reply not understood: got only " + skipped));
                    }
                    Duration wait = Duration.ofNanos(Math.min(left, Duration.ofMillis(REPLY_TIMEOUT_MS).toNanos()));
                    return awaitBattery(io, io.nextNotification(Endpoint.RX, wait), deadline, skipped);
                });
    }

    /** The level of a battery reply such as {@code 85;} or {@code s85;}, or empty when it is not one. */
    static OptionalInt batteryLevel(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8).trim();
        int start = s.startsWith("s") ? 1 : 0;
        int end = s.endsWith(";") ? s.length() - 1 : s.length();
        if (end <= start) {
            return OptionalInt.empty();
        }
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        try {
            int level = Integer.parseInt(s.substring(start, end));
            return level <= 255 ? OptionalInt.of(level) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
