package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.message.StopScanning;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the v4 client-to-server messages from their JSON bodies, strictly. */
public final class V4ClientReader {
    /** The wire names of the v4 client messages. */
    public static final Set<String> NAMES = Set.of("RequestServerInfo", "Ping", "StartScanning",
            "StopScanning", "RequestDeviceList", "OutputCmd", "InputCmd", "StopCmd");

    private V4ClientReader() {
    }

    /**
     * Reads one message.
     *
     * @param name the message's wire name
     * @param json the message body
     * @return the message
     * @throws DecodeException when the name is not a v4 client message or the body is invalid
     */
    public static ClientMessage read(String name, JsonNode json) {
        Body body = Body.of(name, json);
        ClientMessage message = switch (name) {
            case "RequestServerInfo" -> requestServerInfo(body);
            case "Ping" -> new Ping(body.clientId());
            case "StartScanning" -> new StartScanning(body.clientId());
            case "StopScanning" -> new StopScanning(body.clientId());
            case "RequestDeviceList" -> new RequestDeviceList(body.clientId());
            case "OutputCmd" -> outputCmd(body);
            case "InputCmd" -> inputCmd(body);
            case "StopCmd" -> stopCmd(body);
            default -> throw body.fail("Unknown message " + name + " in spec v4");
        };
        body.done();
        return message;
    }

    private static RequestServerInfo requestServerInfo(Body body) {
        long id = body.clientId();
        String clientName = body.string("ClientName");
        int major = body.index("ProtocolVersionMajor");
        int minor = body.index("ProtocolVersionMinor");
        return new RequestServerInfo(id, clientName, major, minor);
    }

    private static OutputCmd outputCmd(Body body) {
        long id = body.clientId();
        int device = body.index("DeviceIndex");
        int feature = body.index("FeatureIndex");
        Body command = body.object("Command");
        List<String> keys = command.fieldNames();
        if (keys.size() != 1) {
            throw body.fail("OutputCmd.Command must have exactly one output type key");
        }
        String typeName = keys.get(0);
        OutputType type = WireNames.output(typeName)
                .orElseThrow(() -> body.fail("OutputCmd.Command has unknown output type " + typeName));
        Body values = command.object(typeName);
        OutputCommand out;
        if (type == OutputType.HW_POSITION_WITH_DURATION) {
            int position = values.index("Value");
            long duration = values.uint32("Duration");
            out = OutputCommand.positionWithDuration(position, duration);
        } else {
            out = OutputCommand.of(type, values.int32("Value"));
        }
        values.done();
        command.done();
        return new OutputCmd(id, device, feature, out);
    }

    private static InputCmd inputCmd(Body body) {
        long id = body.clientId();
        int device = body.index("DeviceIndex");
        int feature = body.index("FeatureIndex");
        String typeName = body.string("Type");
        InputType type = WireNames.input(typeName)
                .orElseThrow(() -> body.fail("InputCmd has unknown input Type " + typeName));
        String commandName = body.string("Command");
        InputCommandType command = WireNames.command(commandName)
                .orElseThrow(() -> body.fail("InputCmd has unknown Command " + commandName
                        + " (expected Read, Subscribe or Unsubscribe)"));
        return new InputCmd(id, device, feature, type, command);
    }

    private static StopCmd stopCmd(Body body) {
        long id = body.clientId();
        OptionalInt device = body.optional("DeviceIndex")
                .map(n -> OptionalInt.of(body.index("DeviceIndex", n))).orElse(OptionalInt.empty());
        OptionalInt feature = body.optional("FeatureIndex")
                .map(n -> OptionalInt.of(body.index("FeatureIndex", n))).orElse(OptionalInt.empty());
        boolean inputs = body.optional("Inputs").map(n -> body.bool("Inputs", n)).orElse(true);
        boolean outputs = body.optional("Outputs").map(n -> body.bool("Outputs", n)).orElse(true);
        return new StopCmd(id, device, feature, inputs, outputs);
    }
}
