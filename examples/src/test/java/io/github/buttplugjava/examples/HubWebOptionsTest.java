package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.remote.hub.RemoteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hub --metrics} serves /healthz and /metrics; without it they are 404, while the control page is always served. */
class HubWebOptionsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HubCommand parse(String... args) {
        CommandLine.ParseResult result = Cli.commandLine().parseArgs(args);
        return (HubCommand) result.subcommand().commandSpec().userObject();
    }

    private static int status(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void metricsOnlyWithTheOption() throws Exception {
        RemoteServer on = parse("hub", "--port", "0", "--metrics").start();
        try {
            URI page = on.controlPageUri(on.rooms().get(0));
            assertThat(status(page)).isEqualTo(200);
            assertThat(status(page.resolve("/metrics"))).isEqualTo(200);
            assertThat(status(page.resolve("/healthz"))).isEqualTo(200);
        } finally {
            on.close();
        }
        RemoteServer off = parse("hub", "--port", "0").start();
        try {
            URI page = off.controlPageUri(off.rooms().get(0));
            assertThat(status(page)).isEqualTo(200);
            assertThat(status(page.resolve("/metrics"))).isEqualTo(404);
            assertThat(status(page.resolve("/healthz"))).isEqualTo(404);
        } finally {
            off.close();
        }
    }
}
