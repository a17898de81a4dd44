package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.message.RequestServerInfo;

/**
 * Reads a RequestServerInfo of any spec version and tells its version: ProtocolVersionMajor (v4
 * shape) wins, else MessageVersion (v1..v3 shape), else v0 (no version field).
 */
public final class HandshakeReader {
    private HandshakeReader() {
    }

    /**
     * Reads the message in the shape its fields announce.
     *
     * @param json the RequestServerInfo body
     * @return the message; its major version is 0 for a v0 body
     * @throws io.github.buttplugjava.core.codec.DecodeException when the body is invalid for that shape
     */
    public static RequestServerInfo read(JsonNode json) {
        if (json.has("ProtocolVersionMajor")) {
            return (RequestServerInfo) V4ClientReader.read("RequestServerInfo", json);
        }
        Body body = Body.of("RequestServerInfo", json);
        long id = body.clientId();
        String clientName = body.string("ClientName");
        int major = body.optional("MessageVersion").isPresent() ? body.index("MessageVersion") : 0;
        body.done();
        return new RequestServerInfo(id, clientName, major, 0);
    }
}
