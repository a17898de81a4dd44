package io.github.buttplugjava.remote.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.testing.HubFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /healthz} and {@code /metrics} of a hub built with {@code metrics(true)}, scraped over
 * HTTP while two agents share and a controller drives a toy; off by default.
 */
class HubMetricsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final DeviceGrant GRANT = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void scrapedMetricsCountRoomsAgentsControllersDevicesCommandsAndCloses() throws Exception {
        try (HubFixture hub = new HubFixture(RemoteServer.builder().metrics(true))) {
            URI base = hub.hub.controlPageUri(hub.room).resolve("/");
            RemoteClient alice = hub.agent("Alice", HubFixture.sims("lovense"), GRANT);
            hub.agent("Bob", HubFixture.sims("edge"), GRANT);
            HubFixture.Controller controller = hub.controller();
            ButtplugClientDevice hush = controller.device("Alice - Lovense Hush");
            hush.vibrate(1.0).get(5, TimeUnit.SECONDS);

            HttpResponse<String> health = get(base.resolve("/healthz"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");

            HttpResponse<String> r = get(base.resolve("/metrics"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain; version=0.0.4");
            String text = r.body();
            assertThat(value(text, "buttplug_hub_rooms")).isEqualTo(1);
            assertThat(value(text, "buttplug_hub_agents")).isEqualTo(2);
            assertThat(value(text, "buttplug_hub_controllers")).isEqualTo(1);
            assertThat(value(text, "buttplug_hub_devices")).isEqualTo(2);
            assertThat(value(text, "buttplug_hub_commands_total{result=\"relayed\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(text, "buttplug_hub_commands_total{result=\"refused\"}")).isZero();
            assertThat(value(text, "buttplug_hub_command_latency_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(value(text, "buttplug_hub_command_latency_seconds_bucket{le=\"5.0\"}")).isGreaterThanOrEqualTo(1);
            assertThat(text).doesNotContain(HubFixture.CONTROL, HubFixture.SHARE, "Alice", "Bob", "Lovense", "test");

            alice.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            String after;
            do {
                after = get(base.resolve("/metrics")).body();
            } while (!after.contains("buttplug_hub_link_closes_total{link=\"agent\",reason=\"ended\"} 1.0")
                    && System.nanoTime() < deadline); // bounded poll until the close is counted
            assertThat(value(after, "buttplug_hub_link_closes_total{link=\"agent\",reason=\"ended\"}")).isEqualTo(1);
            assertThat(value(after, "buttplug_hub_agents")).isEqualTo(1);
            assertThat(value(after, "buttplug_hub_devices")).isEqualTo(1);
        }
    }

    @Test
    void aRefusedCommandIsCountedAsRefused() {
        PrometheusHubMeter meter = new PrometheusHubMeter(new RoomRegistry());
        meter.commandAnswered(false, TimeUnit.MILLISECONDS.toNanos(3));
        meter.linkClosed("controller", "error");
        String text = meter.scrape();
        assertThat(value(text, "buttplug_hub_commands_total{result=\"refused\"}")).isEqualTo(1);
        assertThat(value(text, "buttplug_hub_commands_total{result=\"relayed\"}")).isZero();
        assertThat(value(text, "buttplug_hub_command_latency_seconds_bucket{le=\"0.005\"}")).isEqualTo(1);
        assertThat(value(text, "buttplug_hub_command_latency_seconds_bucket{le=\"0.002\"}")).isZero();
        assertThat(value(text, "buttplug_hub_link_closes_total{link=\"controller\",reason=\"error\"}")).isEqualTo(1);
    }

    @Test
    void offByDefault() throws Exception {
        try (HubFixture hub = new HubFixture()) {
            URI base = hub.hub.controlPageUri(hub.room).resolve("/");
            assertThat(get(base.resolve("/metrics")).statusCode()).isEqualTo(404);
            assertThat(get(base.resolve("/healthz")).statusCode()).isEqualTo(404);
        }
    }
}
