package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.connector.ButtplugConnector;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Failed authentications (unknown control token, unknown share token, bad hello) summarized per
 * remote address, so a flood of them costs the log one line per address per interval:
 * "refused 523 links from 127.0.0.1 in the last 60 s (unknown control token ×500, unknown share
 * token ×23)". The first failure of an address that has none counted is logged at once (an
 * operator sees a typo right away); the failures after it are counted and summarized when the
 * interval has passed ({@link #flush()}, or the next failure of that address).
 *
 * <p>At most {@link #MAX_ADDRESSES} addresses are tracked; failures of others are summarized under
 * "other addresses". Reasons are fixed words of the hub, never peer text or tokens. Thread-safe.
 */
final class AuthFailureLog {

    /** Most addresses counted separately: {@value}. */
    static final int MAX_ADDRESSES = 1024;

    /** Name used when the transport does not know the peer's address. */
    static final String UNKNOWN_ADDRESS = "unknown address";

    private static final String OTHERS = "other addresses";

    private final long intervalNanos;
    private final LongSupplier nanos;
    private final Consumer<String> sink;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        final long startNanos;
        final Map<String, Integer> reasons = new TreeMap<>();
        int count;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    /**
     * @param intervalNanos length of a summary interval
     * @param nanos         the time, in nanoseconds (e.g. {@code System::nanoTime})
     * @param sink          where lines go (e.g. an SLF4J logger's {@code info})
     */
    AuthFailureLog(long intervalNanos, LongSupplier nanos, Consumer<String> sink) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        this.intervalNanos = intervalNanos;
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The address part of a connector's peer, or {@link #UNKNOWN_ADDRESS}. */
    static String addressOf(ButtplugConnector connector) {
        return connector.remoteAddress().map(AuthFailureLog::host).orElse(UNKNOWN_ADDRESS);
    }

    private static String host(InetSocketAddress a) {
        return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    }

    /** Records one refused link from {@code address} for {@code reason}. */
    void refused(String address, String reason) {
        String line = null;
        synchronized (this) {
            long now = nanos.getAsLong();
            String key = windows.containsKey(address) || windows.size() < MAX_ADDRESSES ? address : OTHERS;
            Window w = windows.get(key);
            if (w != null && now - w.startNanos >= intervalNanos) {
                line = summary(key, w);
                windows.remove(key);
                w = null;
                if (line != null) {
                    // this failure opens the next window, counted: the flood goes on
                    Window next = new Window(now);
                    count(next, reason);
                    windows.put(key, next);
                }
            }
            if (line == null && w == null && !windows.containsKey(key)) {
                windows.put(key, new Window(now));
                line = "refused a link from " + key + ": " + reason;
            } else if (line == null) {
                count(windows.get(key), reason);
            }
        }
        if (line != null) {
            sink.accept(line);
        }
    }

    /** Writes the summary of every interval that has passed, and forgets quiet addresses. */
    void flush() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        synchronized (this) {
            long now = nanos.getAsLong();
            Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Window> e = it.next();
                if (now - e.getValue().startNanos >= intervalNanos) {
                    String line = summary(e.getKey(), e.getValue());
                    if (line != null) {
                        lines.add(line);
                    }
                    it.remove();
                }
            }
        }
        lines.forEach(sink);
    }

    /** For tests: how many addresses are tracked. */
    synchronized int tracked() {
        return windows.size();
    }

    private static void count(Window w, String reason) {
        w.count++;
        w.reasons.merge(reason, 1, Integer::sum);
    }

    private String summary(String address, Window w) {
        if (w.count == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder("refused ").append(w.count).append(w.count == 1 ? " link" : " links")
                .append(" from ").append(address).append(" in the last ")
                .append(TimeUnit.NANOSECONDS.toSeconds(intervalNanos)).append(" s (");
        String sep = "";
        for (Map.Entry<String, Integer> r : w.reasons.entrySet()) {
            b.append(sep).append(r.getKey()).append(" \u00d7").append(r.getValue());
            sep = ", ";
        }
        return b.append(')').toString();
    }
}
