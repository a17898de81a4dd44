package io.github.buttplugjava.examples.hardening;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 5: a hostile agent announces and removes devices as fast as the message rate lets it (400
 * DeviceList events a second, under the 1,000/s rate bound, so only the churn bound can catch it).
 * The hub aborts its link for churn (1008 with a reason), and afterwards the room holds no trace:
 * no devices, heap back near baseline after GC.
 */
class AgentChurnTest {

    @Test
    void hubAbortsAnAgentThatChurnsDevicesAndTheRoomKeepsNoTrace() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub()) {
            long baseline = ServerProbe.heapAfterGc();
            String close;
            try (HostileAgent agent = HostileAgent.connect(hub.port()).devices(Wire.vibrators(0, 1, "Toy "))) {
                assertThat(agent.hello(Rigs.Hub.shareToken(0), "Mallory")).contains("Welcome");
                ServerProbe.await(() -> hub.room().devices().devices().size() == 1, Duration.ofSeconds(5));
                // 20,000 events at most, 15 s at most: add device i, remove it, add i+1, ...
                try (Bounded churn = Bounded.start("churn", 20_000, Duration.ofSeconds(15), i -> {
                    agent.pushDeviceList(i % 2 == 0 ? Wire.vibrators(1 + i / 2, 1, "Toy ") : "{}");
                    Bounded.sleep(2); // ~400 events/s
                    return agent.peer.isOpen();
                })) {
                    close = agent.awaitClosedByHub(Duration.ofSeconds(15));
                    churn.stopAndJoin(Duration.ofSeconds(5));
                }
            }
            assertThat(close).as("the hub's close of the churning agent").startsWith("1008 ");
            assertThat(close.substring(5)).as("close reason").matches("(?is).*(churn|device).*");
            assertThat(ServerProbe.await(() -> hub.room().devices().devices().isEmpty(), Duration.ofSeconds(2)))
                    .as("room devices after the churning agent left: %s", hub.room().devices()).isTrue();
            assertThat(ServerProbe.heapAfterGc() - baseline).as("heap growth after GC").isLessThan(32L << 20);
        }
    }
}
