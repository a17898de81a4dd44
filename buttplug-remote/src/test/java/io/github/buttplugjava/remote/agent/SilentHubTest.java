package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent leaves a hub whose link has been silent (no frame at all) for longer than MaxPingTime,
 * as soon as it is, and keeps a link whose hub talks, whenever it talks. The agent's clock is
 * virtual; the hub is a fake that sends only what the test says.
 */
class SilentHubTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final long MAX_PING_MS = RemoteClient.DEFAULT_MAX_PING_TIME.toMillis();

    private static RemoteClient agent(FakeHub hub, VirtualTime time) throws Exception {
        SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
        RemoteClient agent = RemoteClient.builder(hub.shareUri(), "any", "Alice", alice).scheduling(time.scheduling())
                .backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build();
        agent.grants().shareAll(HALF).get(30, TimeUnit.SECONDS);
        agent.start().get(30, TimeUnit.SECONDS);
        return agent;
    }

    /** The hub's handshake with the agent's server. */
    private static void handshake(FakeHub hub) throws Exception {
        hub.send("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"hub\",\"ProtocolVersionMajor\":4,"
                + "\"ProtocolVersionMinor\":0}}]");
        hub.await("ServerInfo");
    }

    /** A request the agent answers (a device list, or an error once its session pinged out): once the answer is back, the agent has seen the frame. */
    private static void talk(FakeHub hub, int id) throws Exception {
        hub.send("[{\"RequestDeviceList\":{\"Id\":" + id + "}}]");
        hub.await("\"Id\":" + id);
    }

    @Test
    void aHubSilentForLongerThanMaxPingTimeIsLeftAtOnce() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            VirtualTime time = new VirtualTime();
            try (RemoteClient agent = agent(hub, time)) {
                handshake(hub);
                time.advanceMillis(200);
                talk(hub, 2); // the last frame: silence starts here, 200 ms after the link began
                time.advanceMillis(MAX_PING_MS);
                assertThat(hub.received).as("silent for MaxPingTime exactly: kept").doesNotContain("closed");
                assertThat(agent.isLinked()).isTrue();
                time.advanceMillis(1);
                hub.await("closed"); // not at the next multiple of a check period
            }
        }
    }

    @Test
    void aHubThatTalksIsKeptHoweverLongTheLinkLasts() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            VirtualTime time = new VirtualTime();
            try (RemoteClient agent = agent(hub, time)) {
                handshake(hub);
                // frames at uneven gaps under MaxPingTime, for ten MaxPingTimes
                long[] gaps = {MAX_PING_MS - 1, 1, MAX_PING_MS / 2, MAX_PING_MS - 1, MAX_PING_MS / 3};
                for (int i = 0; i < 10; i++) {
                    time.advanceMillis(gaps[i % gaps.length]);
                    talk(hub, 10 + i);
                }
                assertThat(hub.received).doesNotContain("closed");
                assertThat(agent.isLinked()).isTrue();
                time.advanceMillis(MAX_PING_MS + 1);
                hub.await("closed");
            }
        }
    }
}
