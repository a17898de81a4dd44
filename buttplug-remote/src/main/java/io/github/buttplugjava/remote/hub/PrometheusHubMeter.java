package io.github.buttplugjava.remote.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The hub's metrics in a Micrometer {@link PrometheusMeterRegistry}: rooms, agents, controllers and
 * devices (read from the rooms at each scrape), commands relayed and refused, a histogram of the
 * time from relaying a command to its answer, and link closes by kind and reason. Every name and
 * label is a fixed word of the hub: no token, room name or alias ever becomes a label, so the
 * series are few and bounded. Thread-safe.
 */
final class PrometheusHubMeter implements HubMeter {

    /** Histogram bucket bounds of the relay latency: 1 ms to 5 s. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter relayed;
    private final Counter refused;
    private final Timer latency;
    private final Map<String, Counter> closes = new ConcurrentHashMap<>();

    PrometheusHubMeter(RoomRegistry rooms) {
        Gauge.builder("buttplug.hub.rooms", rooms, r -> r.all().size())
                .description("Rooms of the hub").register(registry);
        Gauge.builder("buttplug.hub.agents", rooms, r -> r.all().stream().mapToInt(room -> room.agents().size()).sum())
                .description("Agents sharing into a room now").register(registry);
        Gauge.builder("buttplug.hub.controllers", rooms, r -> r.all().stream()
                        .mapToLong(room -> room.controllers().stream().filter(RoomController::isConnected).count()).sum())
                .description("Rooms with a controller now").register(registry);
        Gauge.builder("buttplug.hub.devices", rooms,
                        r -> r.all().stream().mapToInt(Room::deviceCount).sum())
                .description("Devices shared into a room now").register(registry);
        relayed = Counter.builder("buttplug.hub.commands").tag("result", "relayed")
                .description("Commands relayed to agents, by their answer").register(registry);
        refused = Counter.builder("buttplug.hub.commands").tag("result", "refused")
                .description("Commands relayed to agents, by their answer").register(registry);
        latency = Timer.builder("buttplug.hub.command.latency")
                .description("From relaying a command to an agent to its answer")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    @Override
    public void commandAnswered(boolean ok, long nanos) {
        (ok ? relayed : refused).increment();
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void linkClosed(String link, String reason) {
        closes.computeIfAbsent(link + "\n" + reason, k -> Counter.builder("buttplug.hub.link.closes")
                .tag("link", link).tag("reason", reason)
                .description("Links that ended, by kind and reason").register(registry)).increment();
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }
}
