package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The load run's parts work: the floor echoes through both hops, the hub delivers commands to the toys. */
class HubLoadPartsTest {

    @Test
    void theFloorEchoesAFrameThroughTwoHops() throws Exception {
        try (EchoFloor floor = new EchoFloor()) {
            for (int i = 0; i < 3; i++) {
                String frame = "[{\"Ping\":{\"Id\":" + i + "}}]";
                assertThat(floor.roundTrip(frame).get(5, TimeUnit.SECONDS)).isEqualTo(frame);
            }
        }
    }

    @Test
    void theHubCarriesEachControllerCommandToItsAgentsToy() throws Exception {
        try (HubUnderLoad hub = new HubUnderLoad(0, null)) {
            hub.addAgents(2);
            hub.connectController();
            assertThat(hub.devices()).hasSize(2);
            long k = 0;
            for (int round = 0; round < 2; round++) {
                for (ButtplugClientDevice d : hub.devices()) {
                    d.output(0, HubUnderLoad.command(k++)).get(5, TimeUnit.SECONDS);
                }
            }
            assertThat(hub.commandsAtToys()).isEqualTo(4);
        }
    }

    @Test
    void aHubWithASmallSocketCapAndNoKeepAliveWorksTheSame() throws Exception {
        try (HubUnderLoad hub = new HubUnderLoad(16, new long[] {0, 0})) {
            hub.addAgents(1);
            hub.connectController();
            hub.devices().get(0).output(0, HubUnderLoad.command(0)).get(5, TimeUnit.SECONDS);
            assertThat(hub.commandsAtToys()).isEqualTo(1);
        }
    }
}
