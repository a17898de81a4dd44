package io.github.buttplugjava.remote.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.ForwardingConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The link to a buttplug-js 0.13 hub, seen by the agent's Buttplug server as a spec v1 client.
 *
 * <p>A 0.13 hub expects a forwarder: no handshake, its devices announced with {@code DeviceAdded}
 * named "{@code <name> - <device>}", and {@code Ok} or {@code Error} for every command. So this
 * connector opens the session itself (a v1 {@code RequestServerInfo} and {@code RequestDeviceList}
 * the hub never sees), turns the device list into one {@code DeviceAdded} per device, puts the
 * alias in front of every device name, and lets through to the hub only {@code Ok}, {@code Error},
 * {@code DeviceAdded} and {@code DeviceRemoved}. From the hub it lets through only v1 device
 * commands and pings; anything else is answered with a v1 {@code Error} at once, so nothing the
 * hub sends waits for an answer. The server behind checks every command against the grants.
 * Thread-safe; the server's session uses it serially.
 */
final class LegacyHubConnector extends ForwardingConnector {

    /** The messages a 0.13 hub may send a forwarder. */
    static final Set<String> HUB_MESSAGES = Set.of("VibrateCmd", "RotateCmd", "LinearCmd", "SingleMotorVibrateCmd",
            "FleshlightLaunchFW12Cmd", "KiirooCmd", "LovenseCmd", "VorzeA10CycloneCmd", "StopDeviceCmd",
            "StopAllDevices", "Ping");

    /** Most messages in one frame from the hub (a 0.13 hub sends one): {@value}. */
    static final int MAX_MESSAGES_PER_FRAME = 64;

    private static final Set<String> TO_HUB = Set.of("Ok", "Error", "DeviceAdded", "DeviceRemoved");
    private static final long OPEN_SERVER_INFO = 0xFFFF_FFFEL;
    private static final long OPEN_DEVICE_LIST = 0xFFFF_FFFFL;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String alias;
    private final String separator;
    private FrameListener server;

    /**
     * @param link      the hub's link, not yet connected (or a handover after the password)
     * @param alias     put in front of every device name
     * @param separator between the alias and the device name ({@code " - "} as 0.13 does)
     */
    LegacyHubConnector(ButtplugConnector link, String alias, String separator) {
        super(link);
        this.alias = alias;
        this.separator = separator;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        synchronized (this) {
            if (server != null) {
                return CompletableFuture.failedFuture(new ConnectorException("already connected"));
            }
            server = listener;
        }
        return delegate().connect(new FromHub()).thenRun(() -> {
            listener.onFrame("[{\"RequestServerInfo\":{\"Id\":" + OPEN_SERVER_INFO
                    + ",\"ClientName\":\"buttplug-js 0.13 hub\",\"MessageVersion\":1}}]");
            listener.onFrame("[{\"RequestDeviceList\":{\"Id\":" + OPEN_DEVICE_LIST + "}}]");
        });
    }

    /** What the server sends: only what a 0.13 hub understands goes on, one message per frame. */
    @Override
    public CompletableFuture<Void> send(String frame) {
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new ConnectorException("unreadable frame from the server", e));
        }
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        for (JsonNode message : root) {
            Map.Entry<String, JsonNode> entry = only(message);
            if (entry == null) {
                continue;
            }
            String name = entry.getKey();
            JsonNode body = entry.getValue();
            if (name.equals("DeviceList") && body.path("Id").asLong() == OPEN_DEVICE_LIST) {
                for (JsonNode device : body.path("Devices")) {
                    ObjectNode added = JSON.createObjectNode();
                    added.put("Id", 0);
                    added.setAll((ObjectNode) device);
                    last = sendOne("DeviceAdded", added);
                }
            } else if (TO_HUB.contains(name) && body.isObject()) {
                last = sendOne(name, (ObjectNode) body);
            }
        }
        return last;
    }

    private CompletableFuture<Void> sendOne(String name, ObjectNode body) {
        if (name.equals("DeviceAdded")) {
            body.put("DeviceName", alias + separator + body.path("DeviceName").asText());
        }
        ArrayNode frame = JSON.createArrayNode();
        frame.addObject().set(name, body);
        return delegate().send(frame.toString());
    }

    private static Map.Entry<String, JsonNode> only(JsonNode message) {
        if (message == null || !message.isObject() || message.size() != 1) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = message.fields();
        return fields.next();
    }

    private synchronized FrameListener server() {
        return server;
    }

    /** What the hub sends: device commands and pings go to the server, anything else is refused here. */
    private void fromHub(String frame) {
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isArray()) {
            refuse(0, "the frame is not a JSON array of Buttplug messages");
            return;
        }
        if (root.size() > MAX_MESSAGES_PER_FRAME) {
            delegate().abort("more than " + MAX_MESSAGES_PER_FRAME + " messages in one frame");
            return;
        }
        ArrayNode pass = JSON.createArrayNode();
        for (JsonNode message : root) {
            Map.Entry<String, JsonNode> entry = only(message);
            if (entry != null && HUB_MESSAGES.contains(entry.getKey())) {
                pass.add(message);
            } else {
                long id = entry == null ? 0 : entry.getValue().path("Id").asLong(0);
                refuse(id, entry == null ? "not a Buttplug message"
                        : "a forwarder takes no " + PeerText.name(entry.getKey()));
            }
        }
        if (!pass.isEmpty()) {
            server().onFrame(pass.toString());
        }
    }

    private void refuse(long id, String why) {
        ArrayNode frame = JSON.createArrayNode();
        ObjectNode error = frame.addObject().putObject("Error");
        error.put("Id", id);
        error.put("ErrorMessage", why);
        error.put("ErrorCode", 3);
        delegate().send(frame.toString());
    }

    private final class FromHub implements FrameListener {
        @Override
        public void onFrame(String frame) {
            fromHub(frame);
        }

        @Override
        public void onClosed(Throwable cause) {
            server().onClosed(cause);
        }
    }
}
