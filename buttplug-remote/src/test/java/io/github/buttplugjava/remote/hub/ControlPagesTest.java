package io.github.buttplugjava.remote.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.transport.ws.server.HttpPage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hub's plain HTTP face: the control page and its assets with their security headers, the
 * same plain 404 for a wrong token as for any path (counted as a failed control login), and the
 * WebSocket at the same URL untouched.
 */
class ControlPagesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theControlUrlServesThePageWithAStrictPolicyAndTheWebSocketStillWorks() throws Exception {
        try (HubFixture hub = new HubFixture()) {
            URI page = hub.hub.controlPageUri(hub.room);
            assertThat(page.toString()).startsWith("http://127.0.0.1:").endsWith("/control/" + HubFixture.CONTROL);
            HttpResponse<String> r = get(page);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            String policy = r.headers().firstValue("content-security-policy").orElseThrow();
            assertThat(policy).startsWith("default-src 'none'; script-src 'self'; style-src 'self';")
                    .contains("connect-src 'self'", "frame-ancestors 'none'")
                    .contains("ws://127.0.0.1:" + hub.hub.port(), "wss://127.0.0.1:" + hub.hub.port())
                    .doesNotContain("unsafe");
            assertThat(r.headers().firstValue("referrer-policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
            assertThat(r.body()).contains("<script src=\"/assets/control.js\" defer></script>")
                    .doesNotContain(HubFixture.CONTROL).doesNotContain("<script>").doesNotContain("style=");

            HttpResponse<String> js = get(page.resolve("/assets/control.js"));
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
            assertThat(js.body()).contains("textContent").doesNotContain("innerHTML =").doesNotContain("eval(");
            HttpResponse<String> css = get(page.resolve("/assets/control.css"));
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");

            // the same URL as a WebSocket is still the Buttplug server of the room
            HubFixture.Controller controller = hub.controller();
            assertThat(controller.client.isConnected()).isTrue();
        }
    }

    @Test
    void aWrongTokenGetsThePlain404OfAnyPath() throws Exception {
        try (HubFixture hub = new HubFixture()) {
            URI page = hub.hub.controlPageUri(hub.room);
            HttpResponse<String> wrong = get(page.resolve("/control/not-the-token-but-long-enough-0123"));
            HttpResponse<String> nowhere = get(page.resolve("/favicon.ico"));
            HttpResponse<String> share = get(page.resolve("/share"));

            for (HttpResponse<String> r : List.of(wrong, nowhere, share)) {
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.body()).isEqualTo("not found\n");
                assertThat(r.headers().firstValue("referrer-policy")).hasValue("no-referrer");
            }
            assertThat(wrong.headers().map()).isEqualTo(nowhere.headers().map());
            // the hub keeps serving
            assertThat(get(page).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyAKnownTokenOpensThePageAndAWrongOneCountsAsAFailedLogin() {
        List<String> log = new ArrayList<>();
        AuthFailureLog failures = new AuthFailureLog(Duration.ofMinutes(1).toNanos(), System::nanoTime, log::add);
        ControlPages pages = new ControlPages("right-token-0123456789abcdef"::equals, failures);
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 40000);

        HttpPage ok = pages.get("/control/right-token-0123456789abcdef", "127.0.0.1:8080", peer);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).contains("Stop all");
        assertThat(log).isEmpty();

        HttpPage wrong = pages.get("/control/wrong-token-0123456789abcdef", "127.0.0.1:8080", peer);
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(log).singleElement().isEqualTo("refused a link from 127.0.0.1: unknown control token");
        assertThat(pages.get("/control/right-token-0123456789abcdef/x", "", peer).status()).isEqualTo(404);
        assertThat(pages.get("/favicon.ico", "", peer).status()).as("not a login: not counted").isEqualTo(404);
        assertThat(failures.tracked()).isEqualTo(1);
    }

    @Test
    void aHostHeaderThatIsNotAPlainHostStaysOutOfThePolicy() {
        assertThat(ControlPages.headers("evil\"; script-src *").get("Content-Security-Policy"))
                .endsWith("connect-src 'self'");
        assertThat(ControlPages.headers("[::1]:8080").get("Content-Security-Policy"))
                .endsWith("connect-src 'self' ws://[::1]:8080 wss://[::1]:8080");
    }
}
