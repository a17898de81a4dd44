package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Checks the fields of legacy messages that are decoded only to be rejected (FleshlightLaunchFW12Cmd,
 * KiirooCmd, Raw*Cmd, ...), so a malformed one gets a field error and a well-formed one the
 * "not supported" error.
 */
final class UnsupportedMessages {
    private static final Set<String> LOG_LEVELS = Set.of("Off", "Fatal", "Error", "Warn", "Info",
            "Debug", "Trace");

    private UnsupportedMessages() {
    }

    /** Reads every field of the message; returns its Id. */
    static long check(String name, JsonNode json) {
        Body body = Body.of(name, json);
        long id = body.clientId();
        switch (name) {
            case "FleshlightLaunchFW12Cmd" -> {
                body.index("DeviceIndex");
                bounded(body, "Position", 99);
                bounded(body, "Speed", 99);
            }
            case "VorzeA10CycloneCmd" -> {
                body.index("DeviceIndex");
                bounded(body, "Speed", 100);
                body.bool("Clockwise");
            }
            case "KiirooCmd", "LovenseCmd" -> {
                body.index("DeviceIndex");
                body.string("Command");
            }
            case "RawCmd" -> {
                body.index("DeviceIndex");
                bytes(body, "Command");
            }
            case "Test" -> body.string("TestString");
            case "RequestLog" -> {
                String level = body.string("LogLevel");
                if (!LOG_LEVELS.contains(level)) {
                    throw body.fail("RequestLog.LogLevel must be one of " + LOG_LEVELS + ": " + level);
                }
            }
            case "RawWriteCmd" -> {
                body.index("DeviceIndex");
                body.string("Endpoint");
                bytes(body, "Data");
                body.bool("WriteWithResponse");
            }
            case "RawReadCmd" -> {
                body.index("DeviceIndex");
                body.string("Endpoint");
                for (String f : new String[] {"Length", "ExpectedLength", "Timeout"}) {
                    body.optional(f).ifPresent(n -> body.unsigned32(f, n));
                }
                body.optional("WaitForData").ifPresent(n -> body.bool("WaitForData", n));
            }
            case "RawSubscribeCmd", "RawUnsubscribeCmd" -> {
                body.index("DeviceIndex");
                body.string("Endpoint");
            }
            case "RSSILevelCmd" -> body.index("DeviceIndex");
            default -> throw body.fail("Unknown message " + name);
        }
        body.done();
        return id;
    }

    private static void bounded(Body body, String field, int max) {
        long v = body.integer(field, body.required(field));
        if (v < 0 || v > max) {
            throw body.fail(body.context() + "." + field + " must be within 0.." + max + ": " + v);
        }
    }

    private static void bytes(Body body, String field) {
        for (JsonNode b : body.array(field, 1)) {
            long v = body.integer(field, b);
            if (v < 0 || v > 255) {
                throw body.fail(body.context() + "." + field + " entries must be bytes 0..255: " + v);
            }
        }
    }
}
