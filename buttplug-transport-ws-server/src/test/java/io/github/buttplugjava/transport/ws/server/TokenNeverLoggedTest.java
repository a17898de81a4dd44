package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.testsupport.RawWebSocket;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Mistyped paths that carry the token where no route expects it never put the token into the
 * log: the server names sockets by number, address and route. slf4j-simple writes to
 * {@code System.err}, which this test captures.
 */
class TokenNeverLoggedTest {

    private static final String TOKEN = "Zq8sEcReTtOkEn42";

    @Test
    void mistypedPathsNeverLogTheToken() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(captured, originalErr), true, StandardCharsets.UTF_8));
        try (WebSocketServer server = WebSocketServer.builder()
                .handler(PathRoutes.builder()
                        .exact("/share", (path, connector) -> Admission.accept())
                        .prefix("/control/", (path, connector) -> Admission.refuse("unknown token"))
                        .build())
                .start()) {
            for (String path : new String[] {"/" + TOKEN, "//control/" + TOKEN, "/control" + TOKEN,
                    "/control/" + TOKEN}) {
                try (RawWebSocket raw = RawWebSocket.open(server.port(), path)) {
                    assertThat(raw.readUntilClose().closeCode()).as(path).isEqualTo(1008);
                }
            }
            assertThat(httpStatus(server.port(), "/control/" + TOKEN + "%zz")).isEqualTo(400);
            assertThat(httpStatus(server.port(), "/a/b/c/" + TOKEN + "/e")).isEqualTo(404);

            // the dialing side names the address without the token too
            WebSocketConnector dialer = WebSocketConnector.to(URI.create("ws://127.0.0.1:" + server.port() + "/" + TOKEN));
            RecordingListener l = new RecordingListener();
            dialer.connect(l).get(10, TimeUnit.SECONDS);
            Throwable cause = l.awaitClose();
            assertThat(cause).hasMessageNotContaining(TOKEN);

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count(captured.toString(StandardCharsets.UTF_8), ": closed (") < 5 && System.nanoTime() < end) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        } finally {
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("unrouted path").contains("/control/…");
        assertThat(log).doesNotContain(TOKEN).doesNotContain(TOKEN.toLowerCase());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Sends an upgrade request for {@code path} and returns the HTTP status of the answer. */
    private static int httpStatus(int port, String path) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String head = RawWebSocket.readHead(in);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    /** Writes to both streams. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
