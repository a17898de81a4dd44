package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node started before its NATS waits for it (up to the start wait) instead of failing at once;
 * with no NATS at all it fails with a clear error once the wait is over.
 */
class NatsStartWaitTest {

    @Test
    void aNodeStartedBeforeNatsJoinsOnceNatsIsUp() throws Exception {
        try (NatsServer nats = NatsServer.start()) {
            nats.stop();
            CompletableFuture<ClusterNode> starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return ClusterNode.builder().nats(nats.url()).nodeName("early").hub(RemoteServer.builder())
                            .natsStartWait(Duration.ofSeconds(60)).start();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the node is trying (and failing) meanwhile: it cannot have started without NATS
            Thread.sleep(1000);
            assertThat(starting).as("no node can start without NATS").isNotDone();
            nats.startAgain();
            try (ClusterNode node = starting.get(60, TimeUnit.SECONDS)) {
                assertThat(node.status().natsConnected()).isTrue();
            }
        }
    }

    @Test
    void withoutNatsTheStartFailsOnceTheWaitIsOver() throws Exception {
        int port;
        try (NatsServer nats = NatsServer.start()) {
            port = nats.port();
        }
        assertThatThrownBy(() -> ClusterNode.builder().nats("nats://127.0.0.1:" + port).nodeName("alone")
                .hub(RemoteServer.builder()).natsStartWait(Duration.ofMillis(600)).start())
                .isInstanceOf(IOException.class).hasMessageContaining("cannot reach NATS");
    }
}
