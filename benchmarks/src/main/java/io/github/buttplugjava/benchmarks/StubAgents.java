package io.github.buttplugjava.benchmarks;

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
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM: opens N idle share links to a hub, each a minimal agent (hello, then a
 * Buttplug server with one vibrator and no MaxPingTime), so the hub's heap per idle agent link can
 * be measured without the agents' own memory in the same heap. Prints "ready N" and waits for stdin
 * to close.
 */
public final class StubAgents {

    private static final JsonCodec JSON = new JsonCodec();
    private static final DeviceList ONE_TOY = new DeviceList(1, List.of(new DeviceInfo(0, "Stub Vibrator", null, 0,
            List.of(new DeviceFeature(0, "Motor", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of())))));

    private StubAgents() {
    }

    /** Arguments: share URI, share token, number of links. */
    public static void main(String[] args) throws Exception {
        URI hub = URI.create(args[0]);
        String token = args[1];
        int n = Integer.parseInt(args[2]);
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            opened.add(open(hub, token, "stub" + i));
            if (opened.size() % 200 == 0) {
                CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            }
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        System.out.println("ready " + n);
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the links until the parent closes our stdin
        }
        System.exit(0);
    }

    private static CompletableFuture<Void> open(URI hub, String token, String alias) {
        WebSocketConnector link = WebSocketConnector.to(hub);
        return link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (frame.startsWith("{")) {
                    return; // the hub's Welcome
                }
                List<ServerMessage> replies = new ArrayList<>();
                for (Message m : JSON.decode(frame)) {
                    if (m instanceof RequestServerInfo r) {
                        replies.add(new ServerInfo(r.id(), "stub agent", 4, 0, 0));
                    } else if (m instanceof RequestDeviceList r) {
                        replies.add(ONE_TOY.withId(r.id()));
                    } else {
                        replies.add(new Ok(m.id()));
                    }
                }
                link.send(JSON.encode(replies));
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        }).thenCompose(v -> link.send("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"" + token + "\",\"Alias\":\"" + alias + "\"}}"));
    }
}
