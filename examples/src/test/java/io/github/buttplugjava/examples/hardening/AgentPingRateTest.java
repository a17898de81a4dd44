package io.github.buttplugjava.examples.hardening;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 12: an agent announcing MaxPingTime 1 ms gets at most about 2 Buttplug Pings a second from
 * the hub (ping interval at least 500 ms whatever it announces), counted over a 5 s window.
 */
class AgentPingRateTest {

    @Test
    void aOneMillisecondMaxPingTimeDoesNotMakeTheHubPingFlood() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub();
             HostileAgent agent = HostileAgent.connect(hub.port()).maxPingTime(1).devices(Wire.vibrators(0, 1, "Toy "))) {
            assertThat(agent.hello(Rigs.Hub.shareToken(0), "Mallory")).contains("Welcome");
            ServerProbe.await(() -> hub.room().devices().devices().size() == 1, Duration.ofSeconds(5));
            Thread.sleep(1000);
            int before = agent.pings.get();
            Thread.sleep(5000);
            int inWindow = agent.pings.get() - before;
            assertThat(inWindow).as("Buttplug Pings from the hub in 5 s (link %s)", agent.peer.describeClose())
                    .isLessThanOrEqualTo(12);
            assertThat(agent.peer.isOpen()).as("the agent's link stays (%s)", agent.peer.describeClose()).isTrue();
        }
    }
}
