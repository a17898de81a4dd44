package io.github.buttplugjava.remote.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.remote.link.Hello;

import java.util.Optional;

/**
 * The alias of a buttplug-js 0.13 forwarder, read from its first {@code DeviceAdded}: a 0.13
 * forwarder names every device "{@code <client name> - <device name>}" and has no other way to say
 * who it is, so the client name is its alias in the room (cleaned as an agent's alias is). The room
 * then shows "{@code <alias><separator><device name>}" without the prefix twice. Stateless.
 */
final class ForwarderAlias {

    /** The separator a 0.13 forwarder puts between its client name and a device's name. */
    static final String FORWARDER_SEPARATOR = " - ";

    /** The alias of a forwarder whose device name has no client name in front. */
    static final String UNNAMED = "forwarder";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForwarderAlias() {
    }

    /**
     * The alias in a forwarder's first frame.
     *
     * @return empty when the frame is not a JSON array whose first message is a DeviceAdded with a
     *         string DeviceName
     */
    static Optional<String> of(String frame) {
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        JsonNode name = root == null ? null : root.path(0).path("DeviceAdded").get("DeviceName");
        if (name == null || !name.isTextual()) {
            return Optional.empty();
        }
        String text = name.asText();
        int cut = text.indexOf(FORWARDER_SEPARATOR);
        if (cut <= 0) {
            return Optional.of(UNNAMED);
        }
        try {
            return Optional.of(Hello.cleanAlias(text.substring(0, cut)));
        } catch (IllegalArgumentException e) {
            return Optional.of(UNNAMED);
        }
    }
}
