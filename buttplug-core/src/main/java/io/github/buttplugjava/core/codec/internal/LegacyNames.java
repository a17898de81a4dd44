package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.codec.SpecVersion;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which client message names each spec version has, which of them this library converts, and
 * the text of the error for those it knows but does not run (as the Rust 10.x server).
 */
public final class LegacyNames {
    private static final Set<String> COMMON = Set.of("RequestServerInfo", "Ping", "StartScanning",
            "StopScanning", "RequestDeviceList", "StopDeviceCmd", "StopAllDevices");
    private static final Set<String> V0 = union(COMMON, Set.of("SingleMotorVibrateCmd"));
    private static final Set<String> V1 = union(V0, Set.of("VibrateCmd", "LinearCmd", "RotateCmd"));
    private static final Set<String> V2 = union(COMMON, Set.of("VibrateCmd", "LinearCmd", "RotateCmd",
            "BatteryLevelCmd"));
    private static final Set<String> V3 = union(COMMON, Set.of("VibrateCmd", "LinearCmd", "RotateCmd",
            "ScalarCmd", "SensorReadCmd", "SensorSubscribeCmd", "SensorUnsubscribeCmd"));

    private static final Set<String> RAW = Set.of("RawWriteCmd", "RawReadCmd", "RawSubscribeCmd",
            "RawUnsubscribeCmd");
    private static final Set<String> UNSUPPORTED_V0 = Set.of("FleshlightLaunchFW12Cmd",
            "VorzeA10CycloneCmd", "KiirooCmd", "LovenseCmd", "RawCmd", "Test", "RequestLog");
    private static final Set<String> UNSUPPORTED_V2 = union(RAW, Set.of("RSSILevelCmd", "RequestLog"));

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("FleshlightLaunchFW12Cmd", "FleshlightLaunchFW12Cmd is not implemented. Please"
                    + " update the client software to use LinearCmd (spec v1+) or OutputCmd (spec v4)."),
            Map.entry("VorzeA10CycloneCmd", "VorzeA10CycloneCmd is considered unused, and no longer"
                    + " supported. Use RotateCmd (spec v1+) or OutputCmd (spec v4)."),
            Map.entry("KiirooCmd", "KiirooCmd is not supported by this server. Use LinearCmd (spec"
                    + " v1+) or OutputCmd (spec v4)."),
            Map.entry("LovenseCmd", "LovenseCmd was never implemented by any Buttplug server. Use"
                    + " VibrateCmd (spec v1+) or OutputCmd (spec v4)."),
            Map.entry("RawCmd", "RawCmd was never implemented; raw device access is not offered."),
            Map.entry("Test", "Test was removed in spec v2 and is not supported by this server."),
            Map.entry("RequestLog", "RequestLog is not supported: this server does not send its log"
                    + " to clients."),
            Map.entry("RSSILevelCmd", "RSSILevelCmd was never implemented; no RSSI is reported to"
                    + " spec v2 clients."));

    private LegacyNames() {
    }

    /**
     * Whether {@code name} is a client message this library converts at {@code version} (v0..v3).
     *
     * @param version the client's version, V0..V3
     * @param name the message's wire name
     * @return true when the message is converted to v4 commands
     */
    public static boolean converted(SpecVersion version, String name) {
        return switch (version) {
            case V0 -> V0.contains(name);
            case V1 -> V1.contains(name);
            case V2 -> V2.contains(name);
            case V3 -> V3.contains(name);
            case V4 -> false;
        };
    }

    /**
     * The error text for a message that exists at {@code version} but is never run, if it is one.
     *
     * @param version the client's version, V0..V3
     * @param name the message's wire name
     * @return the error text, or empty when the message is run or unknown at that version
     */
    public static Optional<String> unsupported(SpecVersion version, String name) {
        boolean known = switch (version) {
            case V0, V1 -> UNSUPPORTED_V0.contains(name);
            case V2 -> UNSUPPORTED_V2.contains(name);
            case V3 -> RAW.contains(name);
            case V4 -> false;
        };
        if (!known) {
            return Optional.empty();
        }
        if (RAW.contains(name)) {
            return Optional.of(name + " is not supported: this server does not offer raw device"
                    + " access.");
        }
        return Optional.of(TEXTS.get(name));
    }

    /**
     * Whether {@code name} is a client message of any spec version.
     *
     * @param name a message's wire name
     * @return true when some version (v0..v4) has it as a client message
     */
    public static boolean isClientMessage(String name) {
        return V1.contains(name) || V2.contains(name) || V3.contains(name)
                || UNSUPPORTED_V0.contains(name) || UNSUPPORTED_V2.contains(name)
                || V4ClientReader.NAMES.contains(name);
    }

    /**
     * The error text for a name that is no client message of {@code version}.
     *
     * @param name the received message name
     * @param version the client's version
     * @return the text of the ERROR_MSG answer
     */
    public static String unknownText(String name, SpecVersion version) {
        if (isClientMessage(name)) {
            return name + " is not a message of spec v" + version.major()
                    + ", the version negotiated for this connection";
        }
        return "Unknown message " + name;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
