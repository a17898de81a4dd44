package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/** The npm {@code buttplug} 5.0.2 client as a controller bridged through one node to the room's owner on another. */
class ClusterNpmControllerTest {

    @Test
    void theNpmControllerOnAnEntryNodeDrivesAToyWhoseRoomRunsOnAnotherNode() throws Exception {
        NodeInterop node = NodeInterop.locate();
        try (NatsServer nats = NatsServer.start();
             ClusterNode n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").hub(RemoteServer.builder()).start();
             ClusterNode n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").hub(RemoteServer.builder()).start()) {
            n1.createRoom("party", AccessToken.of(SHARE), AccessToken.of(CONTROL));
            SimulatedDevices alice = ClusterTesting.toys("lovense");
            try (RemoteClient agent = ClusterTesting.agent("Alice", alice, n1.hub().shareUri())) {
                URI control = URI.create("ws://127.0.0.1:" + n2.hub().port() + "/control/" + CONTROL);
                NpmClientRun run = node.run(NpmClient.V4, control, "basic", Duration.ofSeconds(30), "--devices=1", "--level=1");
                assertThat(run.succeeded()).as(run.describe()).isTrue();
                assertThat(run.devices()).singleElement().satisfies(d ->
                        assertThat(d.path("name").asText()).isEqualTo("Alice - Lovense Hush"));
                SimulatedDevice hush = alice.devices().get(0);
                assertThat(hush.awaitOutput(0, o -> o.value() != 0, Duration.ofSeconds(5)).value()).isEqualTo(20);
                hush.awaitStop(Duration.ofSeconds(5)); // the npm client left: what it drove stops
                assertThat(n1.status().roomsOwned()).containsExactly("party");
            }
        }
    }
}
