package io.github.buttplugjava.btle.tinyb;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread that calls into TinyB, for the whole JVM. TinyB's native layer is not safe for
 * concurrent calls (two devices connecting at once corrupted its heap in our tests: "malloc():
 * unaligned tcache chunk detected"), and its state is process-global, so every adapter funnels its
 * TinyB calls through here, one at a time.
 */
final class TinyBThread {
    static final ExecutorService CALLS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tinyb-calls");
        t.setDaemon(true);
        return t;
    });

    private TinyBThread() {
    }
}
