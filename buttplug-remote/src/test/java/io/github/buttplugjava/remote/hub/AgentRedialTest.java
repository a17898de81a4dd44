package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.remote.link.LinkExtensions;
import io.github.buttplugjava.remote.link.ResumeKey;
import io.github.buttplugjava.remote.testing.FrameRecorder;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.SilentCutConnector;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An agent whose link is cut on its side only (the hub still holds the old link, silent) dials
 * again: its resume key lets the hub close the stale link and take the new one at once, while
 * anyone else saying hello with its alias (no key, another key) is refused and changes nothing.
 * The hub runs on virtual time that never moves, so it cannot notice the stale link by itself (no
 * ping, no reply deadline): only the replacement can close it. The agent's backoff is on a virtual
 * clock of its own, so the test says when it dials again.
 */
class AgentRedialTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final String INVITE = "invite-token-for-bob-0123456789";
    private static final long WAIT_S = 30;

    private HubFixture f;
    private HubFixture.Controller controller;

    @BeforeEach
    void start() throws Exception {
        f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ofMinutes(1)).metrics(true)
                .scheduling(new VirtualTime().scheduling()));
        // a bound of its own: the first connect of a cold JVM on a loaded machine can take seconds
        io.github.buttplugjava.core.client.ButtplugClient client =
                io.github.buttplugjava.core.client.ButtplugClient.builder("test controller").build();
        controller = new HubFixture.Controller(client);
        client.addListener(controller);
        client.connect(WebSocketConnector.to(f.hub.controlUri(f.room))).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        controller.client.disconnect();
        f.close();
    }

    /** An agent on its own virtual clock whose every link can be cut silently. */
    private static final class CuttableAgent implements AutoCloseable {
        final VirtualTime time = new VirtualTime();
        final List<SilentCutConnector> links = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        final SimulatedDevices toys = HubFixture.sims("lovense");
        final RemoteClient agent;

        CuttableAgent(URI hub, String token, String alias) throws Exception {
            agent = RemoteClient.builder(hub, token, alias, toys).scheduling(time.scheduling())
                    .maxPingTime(Duration.ofMinutes(1)).backoff(Duration.ofMillis(100), Duration.ofMillis(200))
                    .dialer(uri -> {
                        SilentCutConnector link = new SilentCutConnector(WebSocketConnector.to(uri));
                        links.add(link);
                        return link;
                    })
                    .listener(new RemoteClient.Listener() {
                        @Override
                        public void linked(String room) {
                            heard.add("linked");
                        }

                        @Override
                        public void unlinked(Throwable cause, Duration retryIn) {
                            heard.add("unlinked");
                        }

                        @Override
                        public void denied(String reason) {
                            heard.add("denied: " + reason);
                        }
                    }).build();
            agent.grants().shareAll(HALF).get(WAIT_S, TimeUnit.SECONDS);
            agent.start().get(WAIT_S, TimeUnit.SECONDS);
            assertThat(next()).isEqualTo("linked");
        }

        String next() throws InterruptedException {
            String e = heard.poll(WAIT_S, TimeUnit.SECONDS);
            assertThat(e).as("a link event within " + WAIT_S + " s").isNotNull();
            return e;
        }

        /** Cuts the current link on the agent's side only; the agent notices and waits its backoff. */
        SilentCutConnector cut() throws InterruptedException {
            SilentCutConnector link = links.get(links.size() - 1);
            link.cut();
            assertThat(next()).isEqualTo("unlinked");
            return link;
        }

        /** Lets the agent's backoff pass (its clock only) until it tells the next link event. */
        String redial() throws InterruptedException {
            for (int i = 0; i < 50; i++) { // one round is enough unless the dial was not yet scheduled
                time.advanceMillis(200);
                String e = heard.poll(200, TimeUnit.MILLISECONDS);
                if (e != null) {
                    return e;
                }
            }
            return next();
        }

        @Override
        public void close() {
            agent.close();
            links.forEach(SilentCutConnector::release);
        }
    }

    @Test
    void anAgentCutOffSilentlyDialsAgainAndItsNewLinkReplacesTheStaleOneAtOnce() throws Exception {
        try (CuttableAgent alice = new CuttableAgent(f.hub.shareUri(), HubFixture.SHARE, "Alice")) {
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("added Alice - Lovense Hush");
            SilentCutConnector stale = alice.cut();
            assertThat(f.room.agents()).as("the hub still holds the old link").containsExactly("Alice");
            assertThat(stale.farEndClosed()).isNotDone();

            assertThat(alice.redial()).isEqualTo("linked");
            assertThat(stale.farEndClosed().get(WAIT_S, TimeUnit.SECONDS))
                    .as("the hub closed the stale link for the new one").contains("replaced by this agent's new link");
            // controllers see the old link's device go and the new link's come
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("removed Alice - Lovense Hush");
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("added Alice - Lovense Hush");
            assertThat(f.room.agents()).containsExactly("Alice");
            assertThat(f.room.devices().devices()).hasSize(1);
            // counted before the welcome went out, so it is there once the agent is linked
            assertThat(metrics()).contains("buttplug_hub_link_closes_total{link=\"agent\",reason=\"replaced\"} 1.0");
            controller.device("Alice - Lovense Hush").vibrate(1.0).get(WAIT_S, TimeUnit.SECONDS);
            assertThat(alice.toys.devices().get(0).awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(WAIT_S)).value())
                    .as("the new link drives the toy, to its grant").isEqualTo(10);
        }
    }

    @Test
    void whileTheLinkIsStaleHellosWithItsAliasAndNoKeyOrAnotherKeyAreRefusedAndChangeNothing() throws Exception {
        try (CuttableAgent alice = new CuttableAgent(f.hub.shareUri(), HubFixture.SHARE, "Alice")) {
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("added Alice - Lovense Hush");
            SilentCutConnector stale = alice.cut();

            assertThat(denial(new Hello(Hello.PROTOCOL, HubFixture.SHARE, "Alice")))
                    .as("no key").contains("is taken in this room");
            assertThat(denial(new Hello(Hello.PROTOCOL, HubFixture.SHARE, "Alice", LinkExtensions.NONE,
                    Optional.of(ResumeKey.generate())))).as("another key").contains("is taken in this room");
            assertThat(denial(new Hello(Hello.PROTOCOL, HubFixture.SHARE, "\u0410lice", LinkExtensions.NONE,
                    Optional.of(ResumeKey.generate())))).as("a look-alike").contains("is taken in this room");
            try (RemoteClient other = RemoteClient.builder(f.hub.shareUri(), HubFixture.SHARE, "Alice",
                    HubFixture.sims("lovense")).build()) { // another agent: a key of its own
                other.grants().shareAll(HALF).get(WAIT_S, TimeUnit.SECONDS);
                assertThatThrownBy(() -> other.start().get(WAIT_S, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ButtplugHandshakeException.class).hasMessageContaining("is taken in this room");
            }
            assertThat(stale.farEndClosed()).as("the stale link is untouched").isNotDone();
            assertThat(controller.events).as("its device stayed listed").isEmpty();
            assertThat(f.room.agents()).containsExactly("Alice");
            assertThat(f.room.devices().devices()).hasSize(1);

            assertThat(alice.redial()).as("the agent itself is let in").isEqualTo("linked");
            assertThat(stale.farEndClosed().get(WAIT_S, TimeUnit.SECONDS)).contains("replaced by this agent's new link");
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("removed Alice - Lovense Hush");
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("added Alice - Lovense Hush");
        }
    }

    @Test
    void anInvitedAgentIsReplacedTheSameWayAndItsInviteTokenWithoutTheKeyIsRefused() throws Exception {
        f.room.invite("Bob", AccessToken.of(INVITE));
        try (CuttableAgent bob = new CuttableAgent(f.hub.shareUri(), INVITE, "Bob")) {
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("added Bob - Lovense Hush");
            SilentCutConnector stale = bob.cut();
            assertThat(denial(new Hello(Hello.PROTOCOL, INVITE, "Bob"))).contains("is taken in this room");
            assertThat(stale.farEndClosed()).isNotDone();

            assertThat(bob.redial()).isEqualTo("linked");
            assertThat(stale.farEndClosed().get(WAIT_S, TimeUnit.SECONDS)).contains("replaced by this agent's new link");
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("removed Bob - Lovense Hush");
            assertThat(controller.next(WAIT_S * 1000)).isEqualTo("added Bob - Lovense Hush");
            assertThat(f.room.agents()).containsExactly("Bob");
        }
    }

    @Test
    void aHelloWithAMalformedResumeKeyIsDeniedWithTheReason() throws Exception {
        String frame = "{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"" + HubFixture.SHARE
                + "\",\"Alias\":\"Carol\",\"Resume\":\"too-short\"}}";
        assertThat(denial(frame)).contains("Resume is not a resume key");
        assertThat(f.room.agents()).isEmpty();
    }

    private String metrics() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.hub.port() + "/metrics"))
                        .timeout(Duration.ofSeconds(WAIT_S)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private String denial(Hello hello) throws Exception {
        return denial(hello.encode());
    }

    /** Says {@code hello} on a fresh share link and returns the hub's denial. */
    private String denial(String hello) throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        WebSocketConnector link = WebSocketConnector.to(f.hub.shareUri());
        link.connect(recorder).get(WAIT_S, TimeUnit.SECONDS);
        try {
            link.send(hello).get(WAIT_S, TimeUnit.SECONDS);
            String answer = recorder.frames.poll(WAIT_S, TimeUnit.SECONDS);
            assertThat(answer).as("the hub's answer").isNotNull();
            HelloReply reply = HelloReply.decode(answer);
            assertThat(reply).isInstanceOf(HelloReply.Denied.class);
            return ((HelloReply.Denied) reply).reason();
        } finally {
            link.close();
        }
    }
}
