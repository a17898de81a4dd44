package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.ProtocolDefinition;
import io.github.buttplugjava.btle.sim.SimulatedToy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two toys the command-path benchmark drives, with what their simulated peripheral must
 * answer so the real protocol handler identifies them. Both have no message gap in the bundled
 * configuration, so the server's timing gate never holds a command back.
 */
public enum ToyModel {

    /** A Lovense Hush ({@code LVS-Z36}): identified by its {@code DeviceType;} reply, ASCII writes. */
    LOVENSE("lovense", "LVS-Z36", "Z:11:0082059AD3BD;"),

    /** A We-Vibe Ditto (4-bit protocol): 8-byte frames written with response, no identification. */
    WEVIBE("wevibe", "Ditto", null);

    private final String protocol;
    private final String advertisedName;
    private final String identityReply;

    ToyModel(String protocol, String advertisedName, String identityReply) {
        this.protocol = protocol;
        this.advertisedName = advertisedName;
        this.identityReply = identityReply;
    }

    /** The protocol id in the device configuration. */
    public String protocol() {
        return protocol;
    }

    /** The name the toy advertises. */
    public String advertisedName() {
        return advertisedName;
    }

    /** The model identifier the handler ends up with (Lovense's reply type, else the name). */
    public String identifier() {
        return identityReply == null ? advertisedName : identityReply.substring(0, identityReply.indexOf(':'));
    }

    /** The address the simulated toy uses. */
    public String address() {
        return this == LOVENSE ? "BE:NC:00:00:00:01" : "BE:NC:00:00:00:02";
    }

    /** The reply to the identification request, or null when the protocol asks nothing. */
    byte[] identityReply() {
        return identityReply == null ? null : identityReply.getBytes(StandardCharsets.US_ASCII);
    }

    /** A simulated toy with this model's advertisement and GATT layout, answering as {@code toy} does. */
    SimulatedToy simulated(DeviceConfiguration configuration, RecordingToy toy) {
        ProtocolDefinition p = configuration.protocol(protocol)
                .orElseThrow(() -> new IllegalStateException("protocol " + protocol + " is not configured"));
        Map<UUID, Map<Endpoint, UUID>> layout = new LinkedHashMap<>(p.btle().orElseThrow().services());
        return new SimulatedToy(Advertisement.named(address(), advertisedName), layout, () -> toy);
    }
}
