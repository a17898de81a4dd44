package io.github.buttplugjava.transport.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.testsupport.RawWebSocket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Plain GETs on a WebSocket port: answered by the {@link HttpPages} when set (one request per
 * connection, nosniff, closed after the answer), 400 without them as before; an upgrade at the
 * same path still upgrades; a plain request is held to the upgrade deadline like an upgrade.
 */
class HttpPagesTest {

    private static final HttpPages PAGES = (path, host, remote) -> path.equals("/page")
            ? new HttpPage(200, "text/html; charset=utf-8", Map.of("Referrer-Policy", "no-referrer"),
                    "<p>hi</p>".getBytes(StandardCharsets.UTF_8))
            : HttpPage.text(404, "not found\n");

    /** Sends {@code request} and reads until the server closes the connection. */
    private static String exchange(int port, String request) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                all.write(buf, 0, n);
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static String get(int port, String path) throws Exception {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
    }

    @Test
    void plainGetsAreAnsweredByThePagesAndTheConnectionIsClosed() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpPages recording = (path, host, remote) -> {
            seen.add(path + " " + host + " " + remote.getAddress().getHostAddress());
            return PAGES.get(path, host, remote);
        };
        try (WebSocketServer server = WebSocketServer.builder().pages(recording)
                .handler((path, connector) -> Admission.refuse("no")).start()) {
            String ok = get(server.port(), "/page?x=1");
            assertThat(ok).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n<p>hi</p>")
                    .containsIgnoringCase("content-type: text/html; charset=utf-8")
                    .containsIgnoringCase("x-content-type-options: nosniff")
                    .containsIgnoringCase("referrer-policy: no-referrer")
                    .containsIgnoringCase("content-length: 9")
                    .containsIgnoringCase("connection: close");
            assertThat(get(server.port(), "/other")).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("not found\n");
            assertThat(exchange(server.port(), "POST /page HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"))
                    .startsWith("HTTP/1.1 405");
            assertThat(seen).containsExactly("/page 127.0.0.1:" + server.port() + " 127.0.0.1",
                    "/other 127.0.0.1:" + server.port() + " 127.0.0.1");
            // an upgrade at the same path is still a WebSocket, handed to the handler
            try (RawWebSocket raw = RawWebSocket.open(server.port(), "/page")) {
                assertThat(raw.readUntilClose().closeCode()).isEqualTo(1008);
            }
        }
    }

    @Test
    void aPageHandlerThatThrowsGivesA500AndTheServerKeepsServing() throws Exception {
        try (WebSocketServer server = WebSocketServer.builder()
                .pages((path, host, remote) -> {
                    throw new IllegalStateException("boom");
                })
                .handler((path, connector) -> Admission.refuse("no")).start()) {
            assertThat(get(server.port(), "/x")).startsWith("HTTP/1.1 500");
            assertThat(get(server.port(), "/x")).startsWith("HTTP/1.1 500");
        }
    }

    @Test
    void withoutPagesAPlainGetIsStillABadRequest() throws Exception {
        try (WebSocketServer server = WebSocketServer.builder()
                .handler((path, connector) -> Admission.refuse("no")).start()) {
            assertThat(get(server.port(), "/page")).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aPlainRequestThatNeverEndsIsClosedAtTheUpgradeDeadline() throws Exception {
        try (WebSocketServer server = WebSocketServer.builder().pages(PAGES).upgradeTimeout(Duration.ofMillis(300))
                .handler((path, connector) -> Admission.refuse("no")).start()) {
            // headers never finished: the deadline closes the socket without an answer
            assertThat(exchange(server.port(), "GET /page HTTP/1.1\r\nHost: 127.0.0.1\r\n")).isEmpty();
        }
    }

    @Test
    void pagesAreValidated() {
        assertThatThrownBy(() -> new HttpPage(200, "text/plain", Map.of("X-Bad", "a\r\nb"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpPage(99, "text/plain", Map.of(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpPage(200, "text/plain", Map.of(), new byte[HttpPage.MAX_BODY + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
