package io.github.buttplugjava.examples.hardening;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** The server's resources as the tests see them: heap after GC, threads, open connections. */
final class ServerProbe {

    private ServerProbe() {
    }

    /** Heap used after a few full GCs, in bytes. */
    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Idle threads of elastic pools, which end after 60 s without work by design: not leaks. */
    private static final java.util.regex.Pattern ELASTIC =
            java.util.regex.Pattern.compile("buttplug-worker-\\d+|HttpClient-\\d+-Worker-\\d+");

    /**
     * Live threads other than the idle threads of elastic pools (the library's shared worker pool
     * and the JDK HTTP client's): what a leak would grow.
     */
    static int lastingThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !ELASTIC.matcher(t.getName()).matches()) {
                n++;
            }
        }
        return n;
    }

    /** {@code openConnections()} of the hub or of {@code serve}. */
    static int openConnections(Object server) {
        if (server instanceof io.github.buttplugjava.remote.hub.RemoteServer hub) {
            return hub.openConnections();
        }
        if (server instanceof io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer serve) {
            return serve.openConnections();
        }
        throw new IllegalArgumentException(server.getClass() + " is neither the hub nor serve");
    }

    /** Polls until {@code done} holds or the deadline passes; returns whether it held. */
    static boolean await(BooleanSupplier done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (int i = 0; i < 100_000; i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return done.getAsBoolean();
    }

    /** Polls until {@code value} is at most {@code bound}; returns the last value seen. */
    static int awaitAtMost(IntSupplier value, int bound, Duration within) {
        int[] last = new int[1];
        await(() -> (last[0] = value.getAsInt()) <= bound, within);
        return last[0];
    }
}
