package io.github.buttplugjava.examples.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Spec v4 JSON for the hostile peers: device entries, device lists, commands. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    /** A JSON string literal (quotes and escapes included). */
    static String quote(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }

    /** One v4 device entry {@code "i":{...}}: one vibrator feature of 0..20. */
    static String vibrator(int index, String name) {
        return vibrator(index, name, "", 0);
    }

    static String vibrator(int index, String name, String description, long timingGap) {
        return "\"" + index + "\":{\"DeviceName\":" + quote(name) + ",\"DeviceIndex\":" + index
                + ",\"DeviceMessageTimingGap\":" + timingGap + ",\"DeviceFeatures\":{\"0\":{\"FeatureIndex\":0,"
                + "\"FeatureDescription\":" + quote(description) + ",\"Output\":{\"Vibrate\":{\"Value\":[0,20]}}}}}";
    }

    /** The {@code Devices} object of a v4 DeviceList from entries. */
    static String devices(List<String> entries) {
        return "{" + String.join(",", entries) + "}";
    }

    /** {@code count} vibrators with indices {@code from..from+count-1}. */
    static String vibrators(int from, int count, String namePrefix) {
        List<String> entries = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            entries.add(vibrator(i, namePrefix + i));
        }
        return devices(entries);
    }

    static String requestServerInfo(long id, String clientName) {
        return "{\"RequestServerInfo\":{\"Id\":" + id + ",\"ClientName\":" + quote(clientName)
                + ",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}";
    }

    static String vibrate(long id, int device, int value) {
        return "{\"OutputCmd\":{\"Id\":" + id + ",\"DeviceIndex\":" + device
                + ",\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":" + value + "}}}}";
    }

    static String stopAll(long id) {
        return "{\"StopCmd\":{\"Id\":" + id + "}}";
    }

    static String ping(long id) {
        return "{\"Ping\":{\"Id\":" + id + "}}";
    }

    static String requestDeviceList(long id) {
        return "{\"RequestDeviceList\":{\"Id\":" + id + "}}";
    }

    /** The messages of a frame: each element's single field name and body. */
    static List<Message> messages(String frame) {
        List<Message> out = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(frame);
            if (root != null && root.isArray()) {
                for (JsonNode element : root) {
                    Iterator<String> names = element.fieldNames();
                    if (names.hasNext()) {
                        String name = names.next();
                        out.add(new Message(name, element.get(name)));
                    }
                }
            }
        } catch (Exception e) {
            // not JSON: no messages
        }
        return out;
    }

    /** A message of a frame. */
    record Message(String name, JsonNode body) {
        long id() {
            return body.path("Id").asLong(-1);
        }
    }

    /** Whether a frame holds a reply (Ok or Error) with this Id. */
    static boolean hasReply(String frame, long id) {
        for (Message m : messages(frame)) {
            if ((m.name().equals("Ok") || m.name().equals("Error")) && m.id() == id) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
