package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.remote.link.LinkExtensions;
import io.github.buttplugjava.remote.link.PresenceFrame;
import io.github.buttplugjava.remote.testing.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's side of presence against scripted hubs: an older hub, and a hub that sends nonsense. */
class PresenceAgentTest {

    /** What hubs before presence answer, byte for byte. */
    private static final String OLD_WELCOME = "{\"Welcome\":{\"AgentProtocol\":1,\"Room\":\"old\"}}";

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final BlockingQueue<PresenceEvent> heard = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private FakeHub hub(String welcome) throws Exception {
        FakeHub hub = new FakeHub(welcome);
        closeables.add(hub);
        return hub;
    }

    private RemoteClient agent(FakeHub hub, boolean listens) throws Exception {
        RemoteClient.Builder b = RemoteClient.builder(hub.shareUri(), "token-0123456789-0123456789", "Alice",
                HubFixture.sims("lovense")).maxPingTime(Duration.ofSeconds(30));
        if (listens) {
            b.presenceListener(heard::add);
        }
        RemoteClient agent = b.build();
        closeables.add(0, agent);
        agent.grants().shareAll(DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(1))).get(30, TimeUnit.SECONDS);
        agent.start().get(30, TimeUnit.SECONDS);
        return agent;
    }

    private PresenceEvent next() throws InterruptedException {
        PresenceEvent e = heard.poll(30, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no presence event within 5 s");
        }
        return e;
    }

    @Test
    void anAgentWithoutAListenerDoesNotAskForPresence() throws Exception {
        FakeHub hub = hub(OLD_WELCOME);
        agent(hub, false);
        // the old hello plus the heartbeat offer and the resume key (which older hubs ignore, as they ignore presence)
        assertThat(hub.hello.get(30, TimeUnit.SECONDS))
                .matches(java.util.regex.Pattern.quote("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"token-0123456789-0123456789\",\"Alias\":\"Alice\","
                        + "\"Extensions\":{\"Heartbeat\":1},\"Resume\":\"") + "[A-Za-z0-9_-]{22}\"}}");
    }

    @Test
    void anOlderHubLinksAsBeforeAndTheListenerHearsItDoesNotTellPresence() throws Exception {
        FakeHub hub = hub(OLD_WELCOME);
        RemoteClient agent = agent(hub, true);
        assertThat(hub.hello.get(30, TimeUnit.SECONDS)).contains("\"Extensions\":{\"Presence\":1,");
        assertThat(next()).isEqualTo(new PresenceEvent.Unavailable(PresenceEvent.Unavailable.Why.HUB_DOES_NOT_TELL,
                "the hub does not tell who is in the room (it is older than this agent)"));
        assertThat(agent.isLinked()).isTrue();
        assertThat(agent.presence()).isEmpty();
        // a hub that did not agree has its presence-shaped frames read as Buttplug, and refused as such
        hub.send(new PresenceFrame(List.of("bob"), Map.of()).encode());
        assertThat(hub.await("Error")).contains("\"ErrorCode\":3");
        assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void fromAHubThatAgreedNonsenseIsIgnoredAndNamesAreCleaned() throws Exception {
        FakeHub hub = hub(new HelloReply.Welcome(1, "new", LinkExtensions.SUPPORTED).encode());
        RemoteClient agent = agent(hub, true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (agent.grants().sharedIdentifiers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // bounded poll-until loop
        }
        String hush = agent.grants().sharedIdentifiers().get(0);
        hub.send("{\"Presence\":{\"Controllers\":\"nope\"}}");
        hub.send("{\"Presence\":[1,2");
        hub.send("{\"Presence\":{\"Controllers\":[\"b\\u0000ob\\u202E\"],\"Devices\":{\"0\":[0],\"99\":[0]}}}");
        assertThat(next()).isEqualTo(new PresenceEvent.ControllerJoined("bob", agent.presence().orElseThrow()));
        PresenceEvent driving = next();
        assertThat(driving).isInstanceOf(PresenceEvent.DriversChanged.class);
        assertThat(((PresenceEvent.DriversChanged) driving).device()).isEqualTo(hush);
        assertThat(((PresenceEvent.DriversChanged) driving).deviceName()).isEqualTo("Lovense Hush");
        assertThat(agent.presence().orElseThrow().drivers()).containsOnlyKeys(hush);
        assertThat(agent.isLinked()).isTrue();
    }
}
