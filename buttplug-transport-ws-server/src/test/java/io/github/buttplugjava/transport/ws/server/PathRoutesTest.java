package io.github.buttplugjava.transport.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PathRoutesTest {

    private final BlockingQueue<String> taken = new LinkedBlockingQueue<>();

    private ConnectionHandler recordAs(String name) {
        return (path, connector) -> {
            taken.add(name + " " + path);
            connector.connect(new FrameListener() {
                @Override
                public void onFrame(String frame) {
                }

                @Override
                public void onClosed(Throwable cause) {
                }
            });
            return Admission.accept();
        };
    }

    @Test
    void exactBeatsPrefixAndTheLongestPrefixWins() {
        PathRoutes routes = PathRoutes.builder()
                .prefix("/", recordAs("root"))
                .prefix("/control/", recordAs("control"))
                .exact("/control/special", recordAs("special"))
                .exact("/share", recordAs("share"))
                .build();
        assertThat(routes.onConnection("/share", new NoopConnector())).isEqualTo(Admission.accept());
        assertThat(taken.poll()).isEqualTo("share /share");
        routes.onConnection("/control/t0k3n", new NoopConnector());
        assertThat(taken.poll()).isEqualTo("control /control/t0k3n");
        routes.onConnection("/control/special", new NoopConnector());
        assertThat(taken.poll()).isEqualTo("special /control/special");
        routes.onConnection("/other", new NoopConnector());
        assertThat(taken.poll()).isEqualTo("root /other");
    }

    @Test
    void anUnroutedPathIsRefusedWithoutEchoingIt() {
        PathRoutes routes = PathRoutes.builder().exact("/share", recordAs("share"))
                .prefix("/control/", recordAs("control")).build();
        Admission refused = routes.onConnection("/control/", new NoopConnector());
        assertThat(refused.accepted()).isFalse();
        assertThat(routes.onConnection("/sh4re-s3cr3t", new NoopConnector()).reason())
                .isEqualTo("no service at this path").doesNotContain("s3cr3t");
        assertThat(taken).isEmpty();
    }

    @Test
    void routesRealSocketsOnOneServer() throws Exception {
        try (WebSocketServer server = WebSocketServer.builder()
                .handler(PathRoutes.builder()
                        .exact("/share", recordAs("share"))
                        .prefix("/control/", recordAs("control"))
                        .build())
                .start()) {
            String base = "ws://127.0.0.1:" + server.port();
            WebSocketConnector share = WebSocketConnector.to(URI.create(base + "/share"));
            share.connect(new RecordingListener()).get(10, TimeUnit.SECONDS);
            assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo("share /share");
            WebSocketConnector control = WebSocketConnector.to(URI.create(base + "/control/abc"));
            control.connect(new RecordingListener()).get(10, TimeUnit.SECONDS);
            assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo("control /control/abc");

            RecordingListener refused = new RecordingListener();
            WebSocketConnector nowhere = WebSocketConnector.to(URI.create(base + "/nowhere"));
            nowhere.connect(refused).get(10, TimeUnit.SECONDS);
            assertThat(refused.awaitClose()).hasMessageContaining("1008").hasMessageContaining("no service");
        }
    }

    /** A connector nobody reads from, for routing decisions without a socket. */
    private static final class NoopConnector implements ButtplugConnector {
        @Override
        public CompletableFuture<Void> connect(FrameListener listener) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> send(String frame) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> close() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }
}
