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
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent whose process freezes with its socket open: the hub's pings go unanswered and its devices leave. */
class StalledAgentTest {

    @Test
    void anAgentThatStopsAnsweringLeavesTheRoom() throws Exception {
        // the hub on virtual time; its controllers need not ping within the test (MaxPingTime 1 min)
        VirtualTime time = new VirtualTime();
        try (HubFixture f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ofMinutes(1))
                .scheduling(time.scheduling()))) {
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
                            replies.add(new ServerInfo(r.id(), "soon frozen", 4, 0, 500));
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
            link.send(new Hello(Hello.PROTOCOL, HubFixture.SHARE, "Carol").encode());
            f.awaitRoomDevices(1);
            HubFixture.Controller c = f.controller();
            c.device("Carol - Frozen Toy");
            c.events.clear();
            frozen.set(true);
            // the hub's first ping (every 500 ms for an agent announcing 500 ms) goes unanswered ...
            time.advance(AgentLink.MIN_PING_INTERVAL);
            assertThat(pingWhileFrozen.await(5, TimeUnit.SECONDS)).isTrue();
            // ... and AGENT_REPLY_TIMEOUT later the agent's link is closed and its devices leave
            time.advance(AgentLink.AGENT_REPLY_TIMEOUT.minusMillis(1));
            assertThat(c.events).as("still listed before the reply deadline").isEmpty();
            time.advanceMillis(1);
            assertThat(c.next(5000)).isEqualTo("removed Carol - Frozen Toy");
            assertThat(f.room.devices().devices()).isEmpty();
            link.close();
        }
    }
}
