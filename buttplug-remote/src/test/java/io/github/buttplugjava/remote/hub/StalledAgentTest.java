package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.core.codec.JsonCodec;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.LinkExtensions;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.remote.testing.QuietableExecutor;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent whose process freezes with its socket open: the hub's pings go unanswered and its devices leave. */
class StalledAgentTest {

    @Test
    void anAgentThatStopsAnsweringLeavesTheRoom() throws Exception {
        // the hub's client pings an agent announcing 500 ms every 500 ms: the first one goes unanswered
        stallAndLeave(LinkExtensions.NONE, time -> time.advance(AgentLink.MIN_PING_INTERVAL), true);
    }

    @Test
    void anAgentOnTheHeartbeatThatStopsAnsweringLeavesTheRoomAtItsNextCheck() throws Exception {
        // the hub's beats feed the agent's watchdog, and one check (a ping) per CHECK_INTERVAL, on a
        // beat picked for the agent, finds it stalled
        stallAndLeave(LinkExtensions.HEARTBEAT_ONLY, time -> time.advance(Heartbeat.PERIOD), false);
    }

    /**
     * Links a raw agent with one toy under {@code extensions}, freezes it (it reads and answers
     * nothing more), steps virtual time with {@code step} until the hub pings it, and checks that
     * its devices leave once the hub's reply deadline passed ({@code exactDeadline}: that the ping
     * came on the first step, so the deadline is known to the millisecond).
     */
    private static void stallAndLeave(LinkExtensions extensions, Consumer<VirtualTime> step, boolean exactDeadline)
            throws Exception {
        // the hub on virtual time; its controllers need not ping within the test (MaxPingTime 1 min)
        VirtualTime time = new VirtualTime();
        QuietableExecutor hubExecutor = new QuietableExecutor();
        try (HubFixture f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ofMinutes(1))
                .scheduling(time.scheduling(hubExecutor)))) {
            JsonCodec json = new JsonCodec();
            AtomicBoolean frozen = new AtomicBoolean();
            CountDownLatch pingWhileFrozen = new CountDownLatch(1);
            WebSocketConnector link = WebSocketConnector.to(f.hub.shareUri());
            DeviceList oneToy = new DeviceList(1, List.of(new DeviceInfo(0, "Frozen Toy", null, 0, List.of(
                    new DeviceFeature(0, "Motor", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of())))));
            link.connect(new FrameListener() {
                @Override
                public void onFrame(String frame) {
                    if (frozen.get() && frame.contains("\"Ping\"")) {
                        pingWhileFrozen.countDown();
                    }
                    if (frame.startsWith("{") || frozen.get()) {
                        return;
                    }
                    List<ServerMessage> replies = new ArrayList<>();
                    for (Message m : json.decode(frame)) {
                        if (m instanceof RequestServerInfo r) {
                            replies.add(new ServerInfo(r.id(), "soon frozen", 4, 0, 1500));
                        } else if (m instanceof RequestDeviceList r) {
                            replies.add(oneToy.withId(r.id()));
                        } else {
                            replies.add(new Ok(m.id()));
                        }
                    }
                    link.send(json.encode(replies));
                }

                @Override
                public void onClosed(Throwable cause) {
                }
            }).get(5, TimeUnit.SECONDS);
            link.send(new Hello(Hello.PROTOCOL, HubFixture.SHARE, "Carol", extensions).encode());
            f.awaitRoomDevices(1);
            HubFixture.Controller c = f.controller();
            c.device("Carol - Frozen Toy");
            c.events.clear();
            frozen.set(true);
            // step until the hub pings the frozen agent (bounded: one check interval and a beat)
            int steps = 0;
            int most = Heartbeats.BEATS_PER_CHECK + 1;
            do {
                step.accept(time);
                steps++;
                // what the step started has run (a beat still running would skip the next tick)
                hubExecutor.awaitQuiet(Duration.ofSeconds(5));
            } while (!pingWhileFrozen.await(exactDeadline ? 5000 : 100, TimeUnit.MILLISECONDS) && steps < most);
            assertThat(pingWhileFrozen.getCount()).as("the hub pinged the frozen agent").isZero();
            assertThat(c.events).as("still listed when the ping goes out").isEmpty();
            if (exactDeadline) {
                // ... and AGENT_REPLY_TIMEOUT later the agent's link is closed and its devices leave
                time.advance(AgentLink.AGENT_REPLY_TIMEOUT.minusMillis(1));
                assertThat(c.events).as("still listed before the reply deadline").isEmpty();
                time.advanceMillis(1);
            } else {
                // the ping may have gone out on a step before the one that saw it
                time.advance(AgentLink.AGENT_REPLY_TIMEOUT);
            }
            assertThat(c.next(5000)).isEqualTo("removed Carol - Frozen Toy");
            assertThat(f.room.devices().devices()).isEmpty();
            link.close();
        }
    }
}
