package io.github.buttplugjava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import io.github.buttplugjava.transport.ws.server.Admission;
import io.github.buttplugjava.transport.ws.server.WebSocketServer;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The floor for the hub's CPU per relayed command (issue #17: "CPU per relayed command, hub process
 * only, at most 2x the floor's CPU per two-hop echo"), as processes that {@code compare-013.sh}
 * starts next to the hubs it compares:
 *
 * <ul>
 *   <li>{@code relay}: a {@link WebSocketServer} alone in its JVM, with the hub's default keepalive.
 *       A responder dials {@code /upstream}, a controller dials {@code /control}; each frame from
 *       the controller is sent to the responder unchanged and each frame from the responder to the
 *       controller. Like the hub, it accepts both sockets (two reads and two writes per command),
 *       but it parses nothing: no codec, no session, no grant. One controller at a time (a newer
 *       one takes the replies).</li>
 *   <li>{@code responder URL}: dials the relay's {@code /upstream} and answers the spec-v1 script of
 *       {@link LegacyHubCompare} as a Buttplug server would: {@code ServerInfo}, a {@code DeviceList}
 *       of N vibrators, {@code Ok} to everything else. It runs in a JVM of its own so the relay's
 *       CPU is the relay's only. It sends an empty frame first: the relay, like the hub, closes a
 *       socket that is silent for its first-frame timeout.</li>
 * </ul>
 *
 * <p>Usage: {@code FloorRelay relay [ioThreads]} (default: the hub's, {@link RemoteServer#DEFAULT_IO_THREADS}) prints {@code floor relay: <control URL> <upstream URL>};
 * {@code FloorRelay responder <upstream URL> <devices>} prints {@code responder linked}. Both run
 * until their standard input closes.
 */
public final class FloorRelay {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FloorRelay() {
    }

    public static void main(String[] args) throws Exception {
        if ((args.length == 1 || args.length == 2) && args[0].equals("relay")) {
            relay(args.length == 2 ? Integer.parseInt(args[1]) : RemoteServer.DEFAULT_IO_THREADS);
        } else if (args.length == 3 && args[0].equals("responder")) {
            respond(URI.create(args[1]), Integer.parseInt(args[2]));
        } else {
            throw new IllegalArgumentException("usage: FloorRelay relay [ioThreads] | FloorRelay responder <upstream URL> <devices>");
        }
    }

    private static void relay(int ioThreads) throws Exception {
        AtomicReference<ButtplugConnector> upstream = new AtomicReference<>();
        AtomicReference<ButtplugConnector> controller = new AtomicReference<>();
        WebSocketServer server = WebSocketServer.builder()
                .keepAlive(RemoteServer.DEFAULT_KEEP_ALIVE)
                .ioThreads(ioThreads)
                .handler((path, connector) -> {
                    if (path.equals("/upstream")) {
                        if (!upstream.compareAndSet(null, connector)) {
                            return Admission.refuse("one responder only");
                        }
                        connector.connect(forwardingTo(controller));
                        return Admission.accept();
                    }
                    if (path.equals("/control")) {
                        controller.set(connector);
                        connector.connect(forwardingTo(upstream));
                        return Admission.accept();
                    }
                    return Admission.refuse("unknown path");
                }).start();
        URI base = server.uri();
        System.out.printf(Locale.ROOT, "floor relay: %s %s%n", base.resolve("/control"), base.resolve("/upstream"));
        System.out.flush();
        waitForStdinToClose();
        server.stop().get(10, TimeUnit.SECONDS);
    }

    private static FrameListener forwardingTo(AtomicReference<ButtplugConnector> target) {
        return new FrameListener() {
            @Override
            public void onFrame(String frame) {
                ButtplugConnector t = target.get();
                if (t != null) {
                    t.send(frame);
                }
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        };
    }

    private static void respond(URI upstream, int devices) throws Exception {
        String deviceList = deviceList(devices);
        WebSocketConnector link = WebSocketConnector.to(upstream);
        CountDownLatch closed = new CountDownLatch(1);
        link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                link.send(answer(frame, deviceList));
            }

            @Override
            public void onClosed(Throwable cause) {
                closed.countDown();
            }
        }).get(10, TimeUnit.SECONDS);
        // the relay, like the hub, closes a socket that sends nothing within its first-frame timeout;
        // it forwards this empty frame to no one (no controller yet)
        link.send("[]");
        System.out.println("responder linked");
        System.out.flush();
        Thread watcher = new Thread(() -> {
            waitForStdinToClose();
            closed.countDown();
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        closed.await();
        link.close();
    }

    /** The answers to one frame of the spec-v1 script, as one frame. */
    static String answer(String frame, String deviceList) {
        StringBuilder out = new StringBuilder("[");
        try {
            for (JsonNode message : JSON.readTree(frame)) {
                String type = message.fieldNames().next();
                long id = message.path(type).path("Id").asLong();
                if (out.length() > 1) {
                    out.append(',');
                }
                switch (type) {
                    case "RequestServerInfo" -> out.append("{\"ServerInfo\":{\"Id\":").append(id)
                            .append(",\"ServerName\":\"floor\",\"MessageVersion\":1,\"MaxPingTime\":0}}");
                    case "RequestDeviceList" -> out.append("{\"DeviceList\":{\"Id\":").append(id)
                            .append(",\"Devices\":").append(deviceList).append("}}");
                    default -> out.append("{\"Ok\":{\"Id\":").append(id).append("}}");
                }
            }
        } catch (IOException e) {
            return "[{\"Error\":{\"Id\":0,\"ErrorMessage\":\"not JSON\",\"ErrorCode\":3}}]";
        }
        return out.append(']').toString();
    }

    private static String deviceList(int devices) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < devices; i++) {
            if (i > 0) {
                list.append(',');
            }
            list.append("{\"DeviceName\":\"Floor ").append(i).append("\",\"DeviceIndex\":").append(i)
                    .append(",\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":1},\"StopDeviceCmd\":{}}}");
        }
        return list.append(']').toString();
    }

    /** Returns once standard input is closed (the script holds it open while a run lasts). */
    static void waitForStdinToClose() {
        try {
            while (System.in.read() >= 0) {
                // the script holds the pipe open while the run lasts
            }
        } catch (IOException e) {
            // a closed pipe ends the run as well
        }
    }
}
