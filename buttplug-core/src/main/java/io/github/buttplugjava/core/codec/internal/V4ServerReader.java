package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import java.util.List;
import java.util.Set;

/** Reads the v4 server-to-client messages from their JSON bodies, strictly. */
public final class V4ServerReader {
    /** The wire names of the v4 server messages. */
    public static final Set<String> NAMES = Set.of("ServerInfo", "Ok", "Error", "ScanningFinished",
            "DeviceList", "InputReading");

    private V4ServerReader() {
    }

    /**
     * Reads one message.
     *
     * @param name the message's wire name
     * @param json the message body
     * @return the message
     * @throws DecodeException when the name is not a v4 server message or the body is invalid
     */
    public static ServerMessage read(String name, JsonNode json) {
        Body body = Body.of(name, json);
        ServerMessage message = switch (name) {
            case "ServerInfo" -> serverInfo(body);
            case "Ok" -> new Ok(body.serverId());
            case "Error" -> error(body);
            case "ScanningFinished" -> new ScanningFinished(body.serverId());
            case "DeviceList" -> V4DeviceListReader.read(body);
            case "InputReading" -> inputReading(body);
            default -> throw body.fail("Unknown message " + name + " in spec v4");
        };
        body.done();
        return message;
    }

    private static ServerInfo serverInfo(Body body) {
        long id = body.serverId();
        // shared: a hub keeps one ServerInfo per agent link, and agents of one kind name their server alike
        String name = RepeatedText.shared(body.string("ServerName"));
        int major = body.index("ProtocolVersionMajor");
        int minor = body.index("ProtocolVersionMinor");
        long maxPing = body.uint32("MaxPingTime");
        return new ServerInfo(id, name, major, minor, maxPing);
    }

    /**
     * Reads an Error body (the same in every version).
     *
     * @param body a strict reader of the Error body
     * @return the message
     */
    public static ErrorMessage error(Body body) {
        long id = body.serverId();
        String text = body.string("ErrorMessage");
        long code = body.integer("ErrorCode", body.required("ErrorCode"));
        if (code < 0 || code > 4) {
            throw body.fail("Error.ErrorCode must be within 0..4: " + code);
        }
        return new ErrorMessage(id, ErrorCode.of((int) code), text);
    }

    private static InputReading inputReading(Body body) {
        long id = body.serverId();
        int device = body.index("DeviceIndex");
        int feature = body.index("FeatureIndex");
        Body reading = body.object("Reading");
        List<String> keys = reading.fieldNames();
        if (keys.size() != 1) {
            throw body.fail("InputReading.Reading must have exactly one input type key");
        }
        String typeName = keys.get(0);
        InputType type = WireNames.input(typeName)
                .orElseThrow(() -> body.fail("InputReading has unknown input type " + typeName));
        Body value = reading.object(typeName);
        int v = value.int32("Value");
        value.done();
        reading.done();
        return new InputReading(id, device, feature, type, v);
    }
}
