package io.github.buttplugjava.btle.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The device configuration: the official v4 configuration bundled with this library (version
 * 4.197 plus upstream's {@code utimi} entry; BSD-3-Clause, see {@code LICENSE-buttplug.txt} and
 * {@code SOURCES.md} beside it) with a user configuration on
 * top. It matches advertisements to protocols and gives each identified device its definition.
 *
 * <p>Immutable and thread-safe. {@link #bundled()} parses the bundled file once per JVM.
 */
public final class DeviceConfiguration {

    private static final String RESOURCE = "buttplug-device-config-v4.json";
    private static volatile Map<String, ProtocolDefinition> bundledProtocols;

    private final Map<String, ProtocolDefinition> protocols;
    private final List<UserDeviceConfig> userDevices;
    private final List<String> lovenseConnectHosts;

    private DeviceConfiguration(Map<String, ProtocolDefinition> protocols, List<UserDeviceConfig> userDevices) {
        this(protocols, userDevices, List.of());
    }

    private DeviceConfiguration(Map<String, ProtocolDefinition> protocols, List<UserDeviceConfig> userDevices,
                                List<String> lovenseConnectHosts) {
        this.protocols = Collections.unmodifiableMap(protocols);
        this.userDevices = List.copyOf(userDevices);
        this.lovenseConnectHosts = List.copyOf(lovenseConnectHosts);
    }

    /**
     * The bundled official configuration, without user settings.
     *
     * @return the configuration; the bundled file is parsed on the first call only
     * @throws IllegalStateException when the bundled file is missing from the jar
     * @throws java.io.UncheckedIOException when it cannot be read
     */
    public static DeviceConfiguration bundled() {
        Map<String, ProtocolDefinition> p = bundledProtocols;
        if (p == null) {
            try (InputStream in = DeviceConfiguration.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled device configuration " + RESOURCE + " is missing");
                }
                p = ConfigParser.protocols(ConfigParser.tree(in).path("protocols"), true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled device configuration", e);
            }
            bundledProtocols = p;
        }
        return new DeviceConfiguration(p, List.of());
    }

    /**
     * A device configuration read from {@code json} (the v4 device configuration format, with its
     * {@code protocols}) instead of the bundled one, e.g. a newer file than this library bundles.
     *
     * @param json the configuration, as the file holds it
     * @return the configuration, without user settings
     * @throws IllegalArgumentException when the JSON is malformed or has no protocols
     */
    public static DeviceConfiguration fromJson(String json) {
        JsonNode root;
        try {
            root = ConfigParser.tree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("device configuration is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode protocols = root.path("protocols");
        if (!protocols.isObject() || protocols.isEmpty()) {
            throw new IllegalArgumentException("device configuration has no protocols object");
        }
        return new DeviceConfiguration(ConfigParser.protocols(protocols, true), List.of());
    }

    /**
     * This configuration with a user configuration (v4 user-config JSON, {@code user_configs} with
     * {@code protocols} and/or {@code devices}) on top. User protocols add communication and
     * configurations to the base protocol of the same id, or add a protocol.
     *
     * <p>Transports that are not discovered are named here too, as Intiface's user configuration
     * names them: a {@code serial} entry with a {@code port} adds that port for the protocol (with
     * its line settings; see {@link ProtocolDefinition#serialPorts()}), and a
     * {@code lovense_connect_service} entry of {@code lovense-connect-service} with a {@code host}
     * ({@code "HOST:PORT"}, an extension of this library: upstream finds the app through Lovense's
     * servers) adds a Lovense app to reach ({@link #lovenseConnectHosts()}).
     *
     * @param json the user configuration's JSON text
     * @return a new configuration; this one is unchanged
     * @throws IllegalArgumentException when the JSON is malformed or not a user configuration
     */
    public DeviceConfiguration withUserConfig(String json) {
        JsonNode root;
        try {
            root = ConfigParser.tree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("user device configuration is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode user = root.path("user_configs");
        if (!user.isObject()) {
            throw new IllegalArgumentException("user device configuration has no user_configs object");
        }
        Map<String, ProtocolDefinition> merged = new LinkedHashMap<>(protocols);
        ConfigParser.protocols(user.get("protocols"), false).forEach((id, added) ->
                merged.merge(id, added, DeviceConfiguration::mergeProtocol));
        List<UserDeviceConfig> devices = new ArrayList<>(userDevices);
        devices.addAll(ConfigParser.userDevices(user.path("devices")));
        List<String> hosts = new ArrayList<>(lovenseConnectHosts);
        for (String h : ConfigParser.lovenseConnectHosts(user.get("protocols"))) {
            if (!hosts.contains(h)) {
                hosts.add(h);
            }
        }
        return new DeviceConfiguration(merged, devices, hosts);
    }

    private static ProtocolDefinition mergeProtocol(ProtocolDefinition base, ProtocolDefinition added) {
        List<DeviceTemplate> configurations = new ArrayList<>(added.configurations());
        configurations.addAll(base.configurations());
        Map<String, SerialSpecifier> ports = new LinkedHashMap<>();
        base.serialPorts().forEach(s -> ports.put(s.port(), s));
        added.serialPorts().forEach(s -> ports.put(s.port(), s)); // the user's settings for a port win
        return new ProtocolDefinition(base.id(), added.btle().isPresent() ? added.btle() : base.btle(),
                // a user entry naming a port sets that port's settings; only an unnamed one replaces the protocol's
                added.serial().filter(s -> !s.namesPort()).or(base::serial).or(added::serial), List.copyOf(ports.values()),
                base.defaults(), configurations);
    }

    /**
     * The Lovense apps (Lovense Connect, Lovense Remote) the user configuration names, as
     * {@code HOST:PORT} text in file order, each once; empty without a user configuration.
     *
     * @return the hosts, unmodifiable
     */
    public List<String> lovenseConnectHosts() {
        return lovenseConnectHosts;
    }

    /**
     * Every serial port the configuration names, with its protocol and line settings, in
     * configuration order.
     *
     * @return protocol id to its configured ports, only protocols that name one; unmodifiable
     */
    public Map<String, List<SerialSpecifier>> serialPorts() {
        Map<String, List<SerialSpecifier>> out = new LinkedHashMap<>();
        for (ProtocolDefinition p : protocols.values()) {
            if (!p.serialPorts().isEmpty()) {
                out.put(p.id(), p.serialPorts());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Every protocol, by id, in configuration order.
     *
     * @return the protocols, unmodifiable
     */
    public Collection<ProtocolDefinition> protocols() {
        return protocols.values();
    }

    /**
     * The protocol with an id.
     *
     * @param id the protocol id, e.g. {@code "lovense"}
     * @return the protocol, or empty when there is none with that id
     */
    public Optional<ProtocolDefinition> protocol(String id) {
        return Optional.ofNullable(protocols.get(id));
    }

    /**
     * The user settings for every configured device.
     *
     * @return the user device settings, in the order read, unmodifiable
     */
    public List<UserDeviceConfig> userDevices() {
        return userDevices;
    }

    /**
     * The BLE protocols an advertisement selects, in configuration order (usually one).
     *
     * @param ad what a device advertised
     * @return the matching protocols, possibly empty
     */
    public List<ProtocolDefinition> protocolsFor(Advertisement ad) {
        List<ProtocolDefinition> out = new ArrayList<>(1);
        for (ProtocolDefinition p : protocols.values()) {
            if (p.btle().isPresent() && p.btle().get().matches(ad)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Whether the user's allow and deny lists let a device connect: a denied address never does;
     * when any device is allowed, only allowed addresses do.
     *
     * @param address the device's address as the BLE stack reports it
     * @return false when the address is denied, or an allow list is in force without it
     */
    public boolean mayConnect(String address) {
        boolean anyAllowed = false;
        boolean allowed = false;
        for (UserDeviceConfig u : userDevices) {
            if (u.address().equals(address) && u.deny()) {
                return false;
            }
            anyAllowed |= u.allow();
            allowed |= u.allow() && u.address().equals(address);
        }
        return !anyAllowed || allowed;
    }

    /**
     * The definition of an identified device: the protocol's configuration for the identifier (or
     * its defaults), with the user's settings for (address, protocol, identifier) applied.
     *
     * @param protocolId the protocol id the device was matched to
     * @param identifier the model identifier the protocol reported
     * @param address the device's address, to find the user's settings
     * @return empty when the protocol is unknown
     * @throws IllegalArgumentException when a user range lies outside the base range
     */
    public Optional<DeviceDefinition> definition(String protocolId, String identifier, String address) {
        ProtocolDefinition protocol = protocols.get(protocolId);
        if (protocol == null) {
            return Optional.empty();
        }
        DeviceTemplate template = protocol.template(identifier);
        UserDeviceConfig user = null;
        for (UserDeviceConfig u : userDevices) {
            if (u.address().equals(address) && u.protocol().equals(protocolId) && u.identifier().equals(identifier)) {
                user = u;
            }
        }
        List<ConfiguredFeature> features = new ArrayList<>();
        List<FeatureTemplate> templates = template.features() == null ? List.of() : template.features();
        for (FeatureTemplate f : templates) {
            features.add(configure(f, user == null ? null : change(user, f.id())));
        }
        features.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return Optional.of(new DeviceDefinition(protocolId, identifier,
                user != null && user.name().isPresent() ? user.name().get() : template.name(),
                user == null ? Optional.empty() : user.displayName(),
                Optional.ofNullable(template.variant()),
                template.messageGapMs() == null ? 0 : template.messageGapMs(),
                features,
                user != null && user.allow(), user != null && user.deny(),
                user == null ? OptionalInt.empty() : user.index()));
    }

    private static UserDeviceConfig.FeatureChange change(UserDeviceConfig user, String baseId) {
        for (UserDeviceConfig.FeatureChange c : user.features()) {
            if (c.baseId().equals(baseId)) {
                return c;
            }
        }
        return null;
    }

    private static ConfiguredFeature configure(FeatureTemplate base, UserDeviceConfig.FeatureChange change) {
        if (change == null) {
            return new ConfiguredFeature(base.id(), base.toDeviceFeature(), Map.of());
        }
        Map<OutputType, OutputLimits> outputs = new EnumMap<>(OutputType.class);
        Map<OutputType, Integer> offsets = new EnumMap<>(OutputType.class);
        base.outputs().forEach((type, limits) -> {
            if (change.disabled().contains(type)) {
                return;
            }
            Range user = change.ranges().get(type);
            if (user == null) {
                outputs.put(type, limits);
                return;
            }
            Range b = limits.value();
            if (user.min() < b.min() || user.max() > b.max()) {
                throw new IllegalArgumentException("user range [" + user.min() + "," + user.max()
                        + "] of feature " + base.id() + " lies outside the base range [" + b.min() + "," + b.max() + "]");
            }
            if (b.min() < 0) {
                outputs.put(type, new OutputLimits(user, limits.duration()));
            } else {
                outputs.put(type, new OutputLimits(new Range(0, user.max() - user.min()), limits.duration()));
                offsets.put(type, user.min());
            }
        });
        DeviceFeature feature = new DeviceFeature(base.index(), change.description().orElse(base.description()),
                outputs, base.inputs());
        return new ConfiguredFeature(base.id(), feature, offsets);
    }
}
