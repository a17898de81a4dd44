package io.github.buttplugjava.btle.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/** Reads the v4 device configuration JSON (base and user files) into records. */
final class ConfigParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigParser() {
    }

    static JsonNode tree(InputStream in) throws IOException {
        return MAPPER.readTree(in);
    }

    static JsonNode tree(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The {@code protocols} object of a base file, or of a user file's {@code user_configs}. */
    static Map<String, ProtocolDefinition> protocols(JsonNode protocols, boolean defaultsRequired) {
        Map<String, ProtocolDefinition> out = new LinkedHashMap<>();
        if (protocols == null || protocols.isMissingNode() || protocols.isNull()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = protocols.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), protocol(e.getKey(), e.getValue(), defaultsRequired));
        }
        return out;
    }

    private static ProtocolDefinition protocol(String id, JsonNode node, boolean defaultsRequired) {
        Optional<BtleSpecifier> btle = Optional.empty();
        Optional<SerialSpecifier> serial = Optional.empty();
        List<SerialSpecifier> ports = new ArrayList<>();
        for (JsonNode comm : node.path("communication")) {
            if (comm.has("btle")) {
                btle = Optional.of(btle(comm.get("btle")));
            }
            if (comm.has("serial")) {
                SerialSpecifier s = serial(id, comm.get("serial"));
                if (s.namesPort()) {
                    ports.removeIf(p -> p.port().equals(s.port())); // the last entry for a port wins
                    ports.add(s);
                }
                if (serial.isEmpty() || !s.namesPort()) {
                    serial = Optional.of(s); // the unnamed ("default") entry, else the first
                }
            }
        }
        JsonNode d = node.get("defaults");
        if (d == null && defaultsRequired) {
            throw new IllegalArgumentException("protocol " + id + " has no defaults");
        }
        DeviceTemplate defaults = d == null
                ? new DeviceTemplate(List.of(), id, "", null, null, List.of())
                : template(d);
        List<DeviceTemplate> configurations = new ArrayList<>();
        for (JsonNode c : node.path("configurations")) {
            configurations.add(template(c));
        }
        return new ProtocolDefinition(id, btle, serial, ports, defaults, configurations);
    }

    private static SerialSpecifier serial(String id, JsonNode node) {
        String parity = node.path("parity").asText("N");
        if (parity.length() != 1) {
            throw new IllegalArgumentException("protocol " + id + ": serial parity must be one letter, got " + parity);
        }
        return new SerialSpecifier(node.path("port").asText(SerialSpecifier.DEFAULT_PORT),
                node.path("baud_rate").asInt(0), node.path("data_bits").asInt(8),
                Character.toUpperCase(parity.charAt(0)), node.path("stop_bits").asInt(1));
    }

    private static BtleSpecifier btle(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.path("names").forEach(n -> names.add(n.asText()));
        List<ManufacturerDataPattern> md = new ArrayList<>();
        for (JsonNode m : node.path("manufacturer_data")) {
            byte[] data = null;
            if (m.has("data")) {
                data = bytes(m.get("data"));
            }
            md.add(new ManufacturerDataPattern(m.path("company").asInt(), data));
        }
        Set<UUID> advertised = new HashSet<>();
        node.path("advertised_services").forEach(n -> advertised.add(UUID.fromString(n.asText())));
        Map<UUID, Map<Endpoint, UUID>> services = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.path("services").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> svc = it.next();
            Map<Endpoint, UUID> endpoints = new EnumMap<>(Endpoint.class);
            Iterator<Map.Entry<String, JsonNode>> chars = svc.getValue().fields();
            while (chars.hasNext()) {
                Map.Entry<String, JsonNode> c = chars.next();
                Endpoint ep = Endpoint.fromConfigName(c.getKey()).orElseThrow(
                        () -> new IllegalArgumentException("unknown endpoint " + c.getKey()));
                endpoints.put(ep, UUID.fromString(c.getValue().asText()));
            }
            services.put(UUID.fromString(svc.getKey()), endpoints);
        }
        return new BtleSpecifier(names, md, advertised, services);
    }

    private static DeviceTemplate template(JsonNode node) {
        List<String> identifiers = new ArrayList<>();
        node.path("identifier").forEach(n -> identifiers.add(n.asText()));
        List<FeatureTemplate> features = null;
        if (node.has("features")) {
            features = new ArrayList<>();
            int i = 0;
            for (JsonNode f : node.get("features")) {
                features.add(feature(f, i++));
            }
        }
        return new DeviceTemplate(identifiers, node.path("name").asText(""), node.path("id").asText(""),
                node.hasNonNull("protocol_variant") ? node.get("protocol_variant").asText() : null,
                node.hasNonNull("message_gap_ms") ? node.get("message_gap_ms").asInt() : null,
                features);
    }

    private static FeatureTemplate feature(JsonNode node, int position) {
        Map<OutputType, OutputLimits> outputs = new EnumMap<>(OutputType.class);
        Iterator<Map.Entry<String, JsonNode>> it = node.path("output").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> o = it.next();
            OutputType type = OutputType.fromWireName(o.getKey()).orElseThrow(
                    () -> new IllegalArgumentException("unknown output type " + o.getKey()));
            Range value = range(o.getValue().get("value"));
            Range duration = o.getValue().has("duration") ? range(o.getValue().get("duration")) : null;
            if (type == OutputType.HW_POSITION_WITH_DURATION && duration == null) {
                duration = new Range(0, Integer.MAX_VALUE);
            }
            outputs.put(type, new OutputLimits(value, type == OutputType.HW_POSITION_WITH_DURATION ? duration : null));
        }
        Map<InputType, InputLimits> inputs = new EnumMap<>(InputType.class);
        it = node.path("input").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> in = it.next();
            Optional<InputType> type = InputType.fromWireName(in.getKey());
            if (type.isEmpty()) {
                continue; // an input kind this library has no reading type for
            }
            List<Range> ranges = new ArrayList<>();
            in.getValue().path("value").forEach(r -> ranges.add(range(r)));
            Set<InputCommandType> commands = EnumSet.noneOf(InputCommandType.class);
            in.getValue().path("command").forEach(c -> InputCommandType.fromWireName(c.asText()).ifPresent(commands::add));
            inputs.put(type.get(), new InputLimits(ranges, commands));
        }
        int index = node.has("index") ? node.get("index").asInt() : position;
        return new FeatureTemplate(node.path("id").asText(""), index, node.path("description").asText(""),
                outputs, inputs);
    }

    /**
     * The Lovense Connect hosts a user file names: {@code host} of each {@code lovense_connect_service}
     * communication entry of its {@code lovense-connect-service} protocol, in file order.
     */
    static List<String> lovenseConnectHosts(JsonNode protocols) {
        List<String> out = new ArrayList<>();
        if (protocols == null || !protocols.isObject()) {
            return out;
        }
        for (JsonNode comm : protocols.path(LOVENSE_CONNECT_PROTOCOL).path("communication")) {
            JsonNode host = comm.path("lovense_connect_service").get("host");
            if (host == null) {
                continue;
            }
            if (!host.isTextual() || host.asText().isBlank()) {
                throw new IllegalArgumentException("protocol " + LOVENSE_CONNECT_PROTOCOL
                        + ": lovense_connect_service host must be a HOST:PORT string");
            }
            out.add(host.asText().strip());
        }
        return out;
    }

    /** The protocol id of toys reached through the Lovense app. */
    static final String LOVENSE_CONNECT_PROTOCOL = "lovense-connect-service";

    /** The {@code user_configs.devices} list of a user file. */
    static List<UserDeviceConfig> userDevices(JsonNode devices) {
        List<UserDeviceConfig> out = new ArrayList<>();
        for (JsonNode d : devices) {
            JsonNode id = d.path("identifier");
            JsonNode config = d.path("config");
            JsonNode user = config.path("user_config");
            List<UserDeviceConfig.FeatureChange> changes = new ArrayList<>();
            for (JsonNode f : config.path("features")) {
                Map<OutputType, Range> ranges = new EnumMap<>(OutputType.class);
                Set<OutputType> disabled = EnumSet.noneOf(OutputType.class);
                Iterator<Map.Entry<String, JsonNode>> it = f.path("output").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> o = it.next();
                    OutputType type = OutputType.fromWireName(o.getKey()).orElseThrow(
                            () -> new IllegalArgumentException("unknown output type " + o.getKey()));
                    if (o.getValue().path("disabled").asBoolean(false)) {
                        disabled.add(type);
                    }
                    if (o.getValue().has("value")) {
                        ranges.put(type, range(o.getValue().get("value")));
                    }
                }
                changes.add(new UserDeviceConfig.FeatureChange(f.path("base_id").asText(""),
                        f.hasNonNull("description") ? Optional.of(f.get("description").asText()) : Optional.empty(),
                        ranges, disabled));
            }
            out.add(new UserDeviceConfig(id.path("address").asText(""), id.path("protocol").asText(""),
                    id.path("identifier").asText(""),
                    config.hasNonNull("name") ? Optional.of(config.get("name").asText()) : Optional.empty(),
                    user.hasNonNull("display_name") ? Optional.of(user.get("display_name").asText()) : Optional.empty(),
                    user.path("allow").asBoolean(false), user.path("deny").asBoolean(false),
                    user.has("index") ? OptionalInt.of(user.get("index").asInt()) : OptionalInt.empty(),
                    changes));
        }
        return out;
    }

    private static Range range(JsonNode node) {
        if (node == null || !node.isArray() || node.size() != 2) {
            throw new IllegalArgumentException("a range must be [min, max], got " + node);
        }
        return new Range(node.get(0).asInt(), node.get(1).asInt());
    }

    private static byte[] bytes(JsonNode node) {
        byte[] out = new byte[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) node.get(i).asInt();
        }
        return out;
    }
}
