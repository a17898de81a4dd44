package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.testsupport.WsPeer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A scriptable share agent on a raw socket: says hello, then plays a Buttplug v4 server as badly as
 * the test wants. Answers RequestServerInfo with a chosen MaxPingTime, RequestDeviceList with a
 * chosen list, Pings with Ok (counting them), commands with chosen replies; can push DeviceList
 * events. Replies to one frame go out in one frame.
 */
final class HostileAgent implements AutoCloseable {

    final WsPeer peer;
    /** The hub's answer to the hello: the Welcome or Denied frame. */
    final CompletableFuture<String> helloReply = new CompletableFuture<>();
    /** Buttplug Pings the hub sent. */
    final AtomicInteger pings = new AtomicInteger();
    /** Device commands (OutputCmd, StopCmd, InputCmd) the hub relayed. */
    final AtomicInteger commands = new AtomicInteger();
    /** The frames the hub sent after the hello, in order (the last 10,000). */
    final java.util.Deque<String> frames = new java.util.concurrent.ConcurrentLinkedDeque<>();

    volatile long maxPingTimeMs = 0;
    volatile Supplier<String> devices = () -> "{}";
    /** The reply message to a device command, given its Id and body; default Ok. */
    volatile Function<Wire.Message, String> commandReply = m -> "{\"Ok\":{\"Id\":" + m.id() + "}}";

    private HostileAgent(int port, WsPeer.Options options) throws IOException {
        this.peer = WsPeer.connect(port, "/share", options.onText(this::onText));
    }

    /** Connects to the hub's share path (nothing sent yet). */
    static HostileAgent connect(int port) throws IOException {
        return new HostileAgent(port, WsPeer.Options.polite());
    }

    static HostileAgent connect(int port, WsPeer.Options options) throws IOException {
        return new HostileAgent(port, options);
    }

    HostileAgent maxPingTime(long ms) {
        maxPingTimeMs = ms;
        return this;
    }

    HostileAgent devices(String devicesObject) {
        devices = () -> devicesObject;
        return this;
    }

    HostileAgent replies(Function<Wire.Message, String> reply) {
        commandReply = reply;
        return this;
    }

    /** Sends the hello; returns the hub's answer (Welcome or Denied frame). */
    String hello(String token, String alias) throws Exception {
        peer.sendText("{\"Hello\":{\"AgentProtocol\":1,\"Token\":" + Wire.quote(token) + ",\"Alias\":"
                + Wire.quote(alias) + "}}");
        return helloReply.get(5, TimeUnit.SECONDS);
    }

    /** Pushes a DeviceList event (Id 0) with these devices. */
    void pushDeviceList(String devicesObject) throws IOException {
        peer.sendText("[{\"DeviceList\":{\"Id\":0,\"Devices\":" + devicesObject + "}}]");
    }

    private void onText(String text) {
        if (!helloReply.isDone()) {
            helloReply.complete(text);
            return;
        }
        if (frames.size() >= 10_000) {
            frames.pollFirst();
        }
        frames.add(text);
        List<String> replies = new ArrayList<>();
        for (Wire.Message m : Wire.messages(text)) {
            switch (m.name()) {
                case "RequestServerInfo" -> replies.add("{\"ServerInfo\":{\"Id\":" + m.id()
                        + ",\"ServerName\":\"hostile\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0,"
                        + "\"MaxPingTime\":" + maxPingTimeMs + "}}");
                case "RequestDeviceList" -> replies.add("{\"DeviceList\":{\"Id\":" + m.id() + ",\"Devices\":"
                        + devices.get() + "}}");
                case "Ping" -> {
                    pings.incrementAndGet();
                    replies.add("{\"Ok\":{\"Id\":" + m.id() + "}}");
                }
                case "OutputCmd", "StopCmd", "InputCmd" -> {
                    commands.incrementAndGet();
                    String reply = commandReply.apply(m);
                    if (reply != null) {
                        replies.add(reply);
                    }
                }
                case "StartScanning" -> {
                    replies.add("{\"Ok\":{\"Id\":" + m.id() + "}}");
                    replies.add("{\"ScanningFinished\":{\"Id\":0}}");
                }
                default -> replies.add("{\"Ok\":{\"Id\":" + m.id() + "}}");
            }
        }
        if (!replies.isEmpty()) {
            try {
                peer.sendText("[" + String.join(",", replies) + "]");
            } catch (IOException e) {
                // the hub closed the link: the test looks at peer.closed
            }
        }
    }

    /** Waits for the hub to close the link; returns "code reason" or fails after {@code within}. */
    String awaitClosedByHub(Duration within) throws Exception {
        try {
            WsPeer.Frame f = peer.closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return f == null ? "no close frame" : f.closeCode() + " " + f.closeReason();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the hub did not close the hostile agent's link within " + within.toMillis() + " ms");
        }
    }

    @Override
    public void close() {
        peer.close();
    }
}
