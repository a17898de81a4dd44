package io.github.buttplugjava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.transport.ws.server.Admission;
import io.github.buttplugjava.transport.ws.server.WebSocketServer;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The floor of the 0.13 forwarder path (issue #17): the least a hub between a spec-v1 controller
 * and buttplug-js 0.13 forwarders can do, so that both hubs' round trips can be read against what
 * the forwarders and the sockets alone take. {@code compare-013.sh} starts it in a JVM of its own
 * with forwarders of its own, like the hubs it compares.
 *
 * <p>Forwarders dial {@code /forwarder} (no password) and a controller dials {@code /control}. A
 * forwarder's {@code DeviceAdded} gives the device the next index; a controller's {@code
 * VibrateCmd} is found by its first characters, its {@code DeviceIndex} rewritten to the
 * forwarder's own with string operations (no JSON parse), and written to that forwarder; the
 * forwarder's reply goes back to the controller unchanged (the Id passes through, as in 0.13's
 * hub); a command to an index it does not know gets an Error with Id 0. The handshake and device
 * list are answered from a tree parse. No grant, no limit, no
 * session, no liveness beyond the transport's keepalive: not a hub, a measuring stick.
 *
 * <p>Usage: {@code ForwarderFloor [ioThreads]} prints {@code forwarder floor: <control URL>
 * <forwarder URL>} and runs until its standard input closes.
 */
public final class ForwarderFloor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIBRATE = "[{\"VibrateCmd\":";
    private static final String DEVICE_INDEX = "\"DeviceIndex\":";

    /** One forwarded device: the forwarder's link and the forwarder's own index for it. */
    private record Forwarded(ButtplugConnector link, int index, String name) {
    }

    private final List<Forwarded> devices = new CopyOnWriteArrayList<>();
    private final AtomicReference<ButtplugConnector> controller = new AtomicReference<>();

    private ForwarderFloor() {
    }

    public static void main(String[] args) throws Exception {
        int ioThreads = args.length == 1 ? Integer.parseInt(args[0]) : RemoteServer.DEFAULT_IO_THREADS;
        new ForwarderFloor().run(ioThreads);
    }

    private void run(int ioThreads) throws Exception {
        WebSocketServer server = WebSocketServer.builder()
                .keepAlive(RemoteServer.DEFAULT_KEEP_ALIVE)
                .ioThreads(ioThreads)
                .handler((path, connector) -> {
                    if (path.equals("/forwarder")) {
                        connector.connect(listener(frame -> fromForwarder(connector, frame)));
                        return Admission.accept();
                    }
                    if (path.equals("/control")) {
                        controller.set(connector);
                        connector.connect(listener(frame -> fromController(connector, frame)));
                        return Admission.accept();
                    }
                    return Admission.refuse("unknown path");
                }).start();
        URI base = server.uri();
        System.out.printf(Locale.ROOT, "forwarder floor: %s %s%n", base.resolve("/control"), base.resolve("/forwarder"));
        System.out.flush();
        FloorRelay.waitForStdinToClose();
        server.stop().get(10, TimeUnit.SECONDS);
    }

    private void fromForwarder(ButtplugConnector link, String frame) {
        if (frame.startsWith("[{\"Ok\":")) {
            ButtplugConnector c = controller.get();
            if (c != null) {
                c.send(frame);
            }
            return;
        }
        try {
            for (JsonNode message : JSON.readTree(frame)) {
                JsonNode added = message.path("DeviceAdded");
                if (!added.isMissingNode()) {
                    devices.add(new Forwarded(link, added.path("DeviceIndex").asInt(), added.path("DeviceName").asText()));
                }
            }
        } catch (IOException e) {
            link.close();
        }
    }

    private void fromController(ButtplugConnector link, String frame) {
        if (frame.startsWith(VIBRATE)) {
            int at = frame.indexOf(DEVICE_INDEX) + DEVICE_INDEX.length();
            int end = at;
            while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
                end++;
            }
            int index = Integer.parseInt(frame, at, end, 10);
            if (index < devices.size()) {
                Forwarded d = devices.get(index);
                d.link().send(frame.substring(0, at) + d.index() + frame.substring(end));
            } else {
                link.send("[{\"Error\":{\"Id\":0,\"ErrorMessage\":\"no such device\",\"ErrorCode\":4}}]");
            }
            return;
        }
        // the handshake and device list, answered as the floor relay's responder does
        link.send(FloorRelay.answer(frame, deviceList()));
    }

    private String deviceList() {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < devices.size(); i++) {
            if (i > 0) {
                list.append(',');
            }
            list.append("{\"DeviceName\":").append(JSON.getNodeFactory().textNode(devices.get(i).name()).toString()).append(",\"DeviceIndex\":")
                    .append(i).append(",\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":1},\"StopDeviceCmd\":{}}}");
        }
        return list.append(']').toString();
    }

    private static FrameListener listener(Consumer<String> onFrame) {
        return new FrameListener() {
            @Override
            public void onFrame(String frame) {
                onFrame.accept(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        };
    }
}
