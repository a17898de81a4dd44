package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.transport.ws.server.HttpPage;
import io.github.buttplugjava.transport.ws.server.HttpPages;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The operator's endpoints of a hub built with {@link RemoteServerBuilder#metrics(boolean)}:
 * {@value #HEALTH} (liveness: {@code ok} while the hub serves) and {@value #METRICS} (the
 * {@link HubMeter}'s Prometheus text); every other path goes to the next pages. Neither holds a
 * token, room name or alias. Thread-safe.
 */
final class OperatorPages implements HttpPages {

    static final String HEALTH = "/healthz";
    static final String METRICS = "/metrics";

    private final HubMeter meter;
    private final HttpPages next;
    private final OperatorStatus status;

    OperatorPages(HubMeter meter, HttpPages next) {
        this(meter, next, null);
    }

    OperatorPages(HubMeter meter, HttpPages next, OperatorStatus status) {
        this.meter = meter;
        this.next = next;
        this.status = status;
    }

    @Override
    public HttpPage get(String path, String host, InetSocketAddress remote) {
        if (HEALTH.equals(path)) {
            if (status == null) {
                return new HttpPage(200, "text/plain; charset=utf-8", ControlPages.headers(""),
                        "ok\n".getBytes(StandardCharsets.UTF_8));
            }
            boolean healthy = status.healthy();
            return new HttpPage(healthy ? 200 : 503, "text/plain; charset=utf-8", ControlPages.headers(""),
                    ((healthy ? "ok\n" : "degraded\n") + status.healthText()).getBytes(StandardCharsets.UTF_8));
        }
        if (METRICS.equals(path)) {
            return new HttpPage(200, "text/plain; version=0.0.4; charset=utf-8",
                    Map.of("Cache-Control", "no-store"), (meter.scrape() + (status == null ? "" : status.metricsText())).getBytes(StandardCharsets.UTF_8));
        }
        return next.get(path, host, remote);
    }
}
