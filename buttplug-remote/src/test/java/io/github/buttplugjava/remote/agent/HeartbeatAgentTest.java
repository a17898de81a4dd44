package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.remote.link.LinkExtensions;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's side of the heartbeat: beats from a hub that agreed to them count as pings, and a
 * hub that stops beating (its processing stalled, its socket open) makes the agent stop its toys
 * within MaxPingTime, as a hub that stops pinging does. The agent's clock is virtual.
 */
class HeartbeatAgentTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final long MAX_PING_MS = RemoteClient.DEFAULT_MAX_PING_TIME.toMillis();

    @Test
    void theDefaultAgentOffersTheHeartbeatAndAShortMaxPingTimeDoesNot() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            SimulatedDevices alice = HubFixture.sims("lovense");
            try (RemoteClient agent = RemoteClient.builder(hub.shareUri(), "any", "Alice", alice).build()) {
                agent.start().get(5, TimeUnit.SECONDS);
                assertThat(Hello.decode(hub.hello.get(5, TimeUnit.SECONDS)).extensions().has(LinkExtensions.HEARTBEAT)).isTrue();
            }
        }
        try (FakeHub hub = new FakeHub()) {
            SimulatedDevices alice = HubFixture.sims("lovense");
            try (RemoteClient agent = RemoteClient.builder(hub.shareUri(), "any", "Alice", alice)
                    .maxPingTime(Duration.ofMillis(1499)).build()) {
                agent.start().get(5, TimeUnit.SECONDS);
                assertThat(Hello.decode(hub.hello.get(5, TimeUnit.SECONDS)).extensions().has(LinkExtensions.HEARTBEAT)).isFalse();
            }
        }
    }

    @Test
    void beatsKeepTheToyRunningWithoutPingsAndAHubThatStopsBeatingStopsItWithinMaxPingTime() throws Exception {
        String welcome = new HelloReply.Welcome(Hello.PROTOCOL, "fake", LinkExtensions.HEARTBEAT_ONLY).encode();
        try (FakeHub hub = new FakeHub(welcome)) {
            VirtualTime time = new VirtualTime(); // the agent and its toys
            SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
            RemoteClient agent = RemoteClient.builder(hub.shareUri(), "any", "Alice", alice).scheduling(time.scheduling())
                    .backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build();
            try (agent) {
                agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                hub.send("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"hub\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
                assertThat(hub.await("ServerInfo")).contains("\"MaxPingTime\":" + MAX_PING_MS);
                hub.send("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]");
                SimulatedDevice toy = alice.devices().get(0);
                toy.await(r -> r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 10, Duration.ofSeconds(2));

                // three MaxPingTimes of beats and no Buttplug ping; each beat is followed by a request whose
                // reply proves the agent's session has taken the beat before time moves on
                long beats = 3 * MAX_PING_MS / Heartbeat.PERIOD.toMillis();
                for (int i = 0; i < beats; i++) {
                    time.advance(Heartbeat.PERIOD);
                    hub.send(Heartbeat.FRAME);
                    hub.send("[{\"RequestDeviceList\":{\"Id\":" + (10 + i) + "}}]");
                    assertThat(hub.await("DeviceList")).contains("\"Id\":" + (10 + i));
                }
                assertThat(toy.commands()).as("beats kept the agent's watchdog fed")
                        .noneMatch(r -> r.kind() == RecordedCommand.Kind.STOP);
                assertThat(toy.outputValue(0, OutputType.VIBRATE)).isEqualTo(10);
                assertThat(agent.isLinked()).isTrue();

                // the hub's processing stalls: no more beats, the socket stays open
                time.advanceMillis(MAX_PING_MS - 1);
                assertThat(toy.commands()).as("still driven before MaxPingTime").noneMatch(r -> r.kind() == RecordedCommand.Kind.STOP);
                time.advanceMillis(1);
                toy.awaitStop(Duration.ofSeconds(5));
                assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
            }
        }
    }

    @Test
    void beatsFromAHubThatDidNotAgreeToThemAreNotPings() throws Exception {
        try (FakeHub hub = new FakeHub()) { // the old welcome: no extensions
            VirtualTime time = new VirtualTime();
            SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
            RemoteClient agent = RemoteClient.builder(hub.shareUri(), "any", "Alice", alice).scheduling(time.scheduling())
                    .backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build();
            try (agent) {
                agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                hub.send("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"hub\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
                hub.await("ServerInfo");
                hub.send("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]");
                SimulatedDevice toy = alice.devices().get(0);
                toy.await(r -> r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 10, Duration.ofSeconds(2));
                for (int i = 0; i < 3; i++) {
                    time.advance(Heartbeat.PERIOD);
                    hub.send(Heartbeat.FRAME);
                    hub.await("Error"); // not Buttplug: the agent's server says so
                }
                toy.awaitStop(Duration.ofSeconds(5));
                assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
            }
        }
    }
}
