package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fredorch rotary machines ({@code M1_*}): 5-byte frames {@code [55 03 c c+3 aa]} without response
 * on {@code tx}. Start-up subscribes to {@code rx} and sends handshake {@code 99}, password
 * {@code [55 09 21 00 00 00 00 00 00 2a aa]}, power-up {@code 1f} and stop {@code 24}, waiting up to
 * 100 ms for a reply after each. The machine only steps its speed: a new speed is reached by
 * writing one {@code 01} (up) or {@code 02} (down) frame per step, one after the other; speed 0 is
 * the stop frame {@code 24} at once. The device gives no feedback, so the handler counts steps.
 */
final class FredorchRotary implements ProtocolHandler {

    private static final Logger log = LoggerFactory.getLogger(FredorchRotary.class);
    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(100);
    private static final int UP = 0x01;
    private static final int DOWN = 0x02;
    private static final int STOP = 0x24;

    private HardwareIo io;
    private int current;
    private int target;
    private boolean stepping;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        this.io = io;
        log.warn("Fredorch rotary machines give no feedback: if one beeps twice it has powered off and must be reconnected");
        CompletableFuture<Void> chain = io.subscribe(Endpoint.RX);
        byte[][] handshake = {
                frame(0x99),
                Frames.bytes(0x55, 0x09, 0x21, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2a, 0xaa),
                frame(0x1f),
                frame(STOP),
        };
        for (byte[] data : handshake) {
            chain = chain.thenCompose(v -> {
                CompletableFuture<byte[]> reply = io.nextNotification(Endpoint.RX, REPLY_TIMEOUT);
                return io.write(Endpoint.TX, data, false).thenCompose(w -> reply.handle((r, e) -> null));
            });
        }
        return chain;
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        boolean start;
        synchronized (this) {
            target = speed;
            if (speed == 0) {
                current = 0;
                return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, frame(STOP), false));
            }
            start = !stepping && current != target;
            stepping |= start;
        }
        if (start) {
            step();
        }
        return List.of();
    }

    /** Writes one step frame towards the target, then the next, until the target is reached. */
    private void step() {
        int command;
        synchronized (this) {
            if (current == target || target == 0) {
                stepping = false;
                return;
            }
            command = target > current ? UP : DOWN;
            current += command == UP ? 1 : -1;
        }
        io.write(Endpoint.TX, frame(command), false).whenComplete((v, e) -> {
            if (e != null) {
                log.info("Fredorch rotary stepping ended: {}", e.toString());
                synchronized (this) {
                    stepping = false;
                }
            } else {
                step();
            }
        });
    }

    private static byte[] frame(int command) {
        return Frames.bytes(0x55, 0x03, command, command + 3, 0xaa);
    }
}
