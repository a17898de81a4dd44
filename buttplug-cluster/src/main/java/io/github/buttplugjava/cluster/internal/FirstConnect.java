package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * A node's first connection to NATS, tried again until {@code wait} has passed: a node started
 * before its NATS (both started by the same service manager, say) or on a machine too busy to
 * finish one connect in time waits for it instead of failing at once. Waits 250 ms between tries,
 * doubled up to 2 s. Once connected, the client's own reconnect takes over.
 */
public final class FirstConnect {

    private static final Logger log = LoggerFactory.getLogger(FirstConnect.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private FirstConnect() {
    }

    /**
     * Connects, trying again until {@code wait} has passed.
     *
     * @param options the connection's options (server, timeouts, listeners)
     * @param wait    how long to keep trying; zero tries once
     * @return the open connection
     * @throws IOException the last try's failure, once {@code wait} has passed
     * @throws InterruptedException when interrupted while connecting or between tries
     */
    public static Connection within(Options options, Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return Nats.connect(options);
            } catch (IOException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw e;
                }
                long sleep = Math.min(pause.toNanos(), left);
                log.info("NATS not reachable yet (try {}: {}); trying again in {} ms", attempt, e.getMessage(),
                        sleep / 1_000_000);
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
