package io.github.buttplugjava.examples;

import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import picocli.CommandLine.Option;

/** The hub's operator endpoints on its port: {@code --metrics} serves {@code /healthz} and {@code /metrics}. */
final class HubWebOptions {

    @Option(names = "--metrics",
            description = "Also serve GET /healthz (liveness) and GET /metrics (Prometheus text: rooms, agents,"
                    + " controllers, devices, commands relayed/refused, relay latency, link closes) on the hub's port."
                    + " No tokens or aliases, but anyone who can reach the port can read them.")
    boolean metrics;

    /** Puts these options on the hub's builder. */
    void applyTo(RemoteServerBuilder b) {
        b.metrics(metrics);
    }
}
