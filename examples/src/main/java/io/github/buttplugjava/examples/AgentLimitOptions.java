package io.github.buttplugjava.examples;

import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import picocli.CommandLine.Option;

/** What one sharer's link may put into a hub room (docs/LIMITS.md §3), as {@code hub} options. */
final class AgentLimitOptions {

    @Option(names = "--max-devices-per-agent", paramLabel = "N",
            description = "Most devices one sharer may share at once; more closes that sharer's link (default 64).")
    Integer maxDevices;

    @Option(names = "--max-features-per-device", paramLabel = "N",
            description = "Most features of one shared device (default 32).")
    Integer maxFeatures;

    @Option(names = "--device-churn-per-minute", paramLabel = "N",
            description = "Devices a sharer may add per minute after its first list (default 60, bursts of 64).")
    Integer churnPerMinute;

    @Option(names = "--device-churn-burst", paramLabel = "N",
            description = "Devices a sharer may add at once above that rate (default 64).")
    Integer churnBurst;

    @Option(names = "--hello-timeout-ms", paramLabel = "MS",
            description = "How long a sharer may take to present its token (default 3000).")
    Long helloTimeoutMs;

    /** Applies what was given. */
    void applyTo(RemoteServerBuilder b) {
        if (maxDevices != null) {
            b.maxDevicesPerAgent(maxDevices);
        }
        if (maxFeatures != null) {
            b.maxFeaturesPerDevice(maxFeatures);
        }
        if (churnPerMinute != null || churnBurst != null) {
            b.deviceChurn(churnPerMinute == null ? 60 : churnPerMinute, churnBurst == null ? 64 : churnBurst);
        }
        if (helloTimeoutMs != null) {
            b.helloTimeout(java.time.Duration.ofMillis(helloTimeoutMs));
        }
    }
}
