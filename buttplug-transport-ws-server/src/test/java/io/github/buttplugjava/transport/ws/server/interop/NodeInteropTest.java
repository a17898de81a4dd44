package io.github.buttplugjava.transport.ws.server.interop;

import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interop harness itself: client.mjs reports bad arguments, refused connections and a server that
 * never answers as JSON steps with distinct exit codes, and never hangs.
 */
class NodeInteropTest {

    private NodeInterop node;

    @BeforeEach
    void locateNode() {
        node = NodeInterop.locate();
    }

    @Test
    void unknownScenarioIsAnArgumentErrorWithExitCode2() {
        NpmClientRun run = node.run(NpmClient.V4, URI.create("ws://127.0.0.1:1"), "no-such-scenario",
                Duration.ofSeconds(15));

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.step("error")).get()
                .satisfies(e -> assertThat(e.path("during").asText()).isEqualTo("arguments"))
                .satisfies(e -> assertThat(e.path("message").asText()).contains("unknown scenario"));
        assertThat(run.unparsed()).isEmpty();
    }

    @Test
    void refusedConnectionIsAConnectErrorWithExitCode1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        for (NpmClient client : NpmClient.values()) {
            NpmClientRun run = node.run(client, URI.create("ws://127.0.0.1:" + closedPort), "list",
                    Duration.ofSeconds(15));

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
            assertThat(run.succeeded()).isFalse();
            assertThat(run.step("error")).get()
                    .satisfies(e -> assertThat(e.path("during").asText()).isEqualTo("connect"));
        }
    }

    @Test
    void serverThatNeverAnswersEndsInTheScriptTimeoutWithExitCode3() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    return null;
                }
            });
            NpmClientRun run = node.run(NpmClient.V3, URI.create("ws://127.0.0.1:" + silent.getLocalPort()), "list",
                    Duration.ofSeconds(6));

            assertThat(run.killed()).as(run.describe()).isFalse();
            assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
            assertThat(run.step("timeout")).get()
                    .satisfies(t -> assertThat(t.path("during").asText()).isEqualTo("connect"));
            Socket socket = accepted.getNow(null);
            if (socket != null) {
                socket.close();
            }
        }
    }
}
