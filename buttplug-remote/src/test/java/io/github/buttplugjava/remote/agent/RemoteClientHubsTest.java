package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.testing.HubFixture;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An agent given several hubs ({@code alsoHub}) dials the next one after a failed dial or a drop. */
class RemoteClientHubsTest {

    private static URI deadHub() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("ws://127.0.0.1:" + s.getLocalPort() + "/share"); // closed again: nobody listens
        }
    }

    @Test
    void aFailedDialMovesOnToTheNextHubAndADropToTheOneAfter() throws Exception {
        try (HubFixture first = new HubFixture(); HubFixture second = new HubFixture()) {
            URI dead = deadHub();
            List<URI> dialed = new CopyOnWriteArrayList<>();
            SimulatedDevices toys = HubFixture.sims("lovense");
            try (RemoteClient agent = RemoteClient.builder(dead, HubFixture.SHARE, "Alice", toys)
                    .alsoHub(first.hub.shareUri()).alsoHub(second.hub.shareUri())
                    .backoff(Duration.ofMillis(50), Duration.ofMillis(100))
                    .dialer(uri -> {
                        dialed.add(uri);
                        return io.github.buttplugjava.transport.ws.WebSocketConnector.to(uri);
                    }).build()) {
                agent.grants().shareAll(DeviceGrant.none().withOutput(io.github.buttplugjava.core.message.OutputType.VIBRATE,
                        OutputGrant.upTo(1.0))).get(2, TimeUnit.SECONDS);
                agent.start().get(10, TimeUnit.SECONDS);
                assertThat(dialed).containsExactly(dead, first.hub.shareUri());
                first.awaitRoomDevices(1);

                first.hub.close(); // a drop: the next dial goes to the hub after it
                second.awaitRoomDevices(1);
                assertThat(dialed).startsWith(dead, first.hub.shareUri(), second.hub.shareUri());
            }
        }
    }

    @Test
    void anAgentTakesAtMostSixteenHubs() {
        RemoteClient.Builder b = RemoteClient.builder(URI.create("ws://127.0.0.1:1/share"), HubFixture.SHARE, "Alice",
                HubFixture.sims("lovense"));
        for (int i = 1; i < RemoteClient.Builder.MAX_HUBS; i++) {
            b.alsoHub(URI.create("ws://127.0.0.1:" + (i + 1) + "/share"));
        }
        assertThatThrownBy(() -> b.alsoHub(URI.create("ws://127.0.0.1:99/share")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
    }
}
