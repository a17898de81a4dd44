package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.codec.ClientCodec;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The client's side of the handshake: RequestServerInfo at the connection's codec version, and
 * the fall back to v3 on the same connection when a v4 request is refused with an Error, left
 * unanswered until its deadline, or answered in v3 form. A server answering an older version than
 * asked switches the connection's codec to that version; one answering a newer version is
 * refused. Used on the client's serial executor.
 */
final class Handshake {

    private static final Logger log = LoggerFactory.getLogger(ButtplugClient.class);

    private final String clientName;
    private final boolean fallbackToV3;
    private final int maxFrameChars;
    private final SerialExecutor serial;

    Handshake(String clientName, boolean fallbackToV3, int maxFrameChars, SerialExecutor serial) {
        this.clientName = clientName;
        this.fallbackToV3 = fallbackToV3;
        this.maxFrameChars = maxFrameChars;
        this.serial = serial;
    }

    /** Handshakes on the open {@code conn}; completes with the server's ServerInfo. */
    CompletableFuture<ServerInfo> run(ClientConnection conn) {
        SpecVersion version = conn.codec().version();
        return conn.request(new RequestServerInfo(1, clientName, version.major(), 0)).handleAsync((reply, error) -> {
            if (error != null) {
                Throwable cause = Failures.unwrap(error);
                // a v3 server answers a v4 RequestServerInfo with an Error, or drops it unanswered
                boolean refused = cause instanceof ButtplugException b
                        && (b.code() != ErrorCode.UNKNOWN || b instanceof ButtplugTimeoutException);
                if (version == SpecVersion.V4 && fallbackToV3 && refused && conn.isOpen()) {
                    log.info("server did not take a v4 handshake ({}); retrying as v3", cause.getMessage());
                    conn.useCodec(new ClientCodec(SpecVersion.V3, maxFrameChars));
                    return run(conn);
                }
                return CompletableFuture.<ServerInfo>failedFuture(cause);
            }
            if (!(reply instanceof ServerInfo info)) {
                return CompletableFuture.<ServerInfo>failedFuture(
                        new ButtplugHandshakeException("Expected ServerInfo, got " + reply.messageName()));
            }
            if (info.protocolVersionMajor() > version.major()) {
                return CompletableFuture.<ServerInfo>failedFuture(new ButtplugHandshakeException(
                        "Server answered spec v" + info.protocolVersionMajor() + " to a v" + version.major() + " client"));
            }
            if (info.protocolVersionMajor() < version.major()) {
                SpecVersion older = SpecVersion.ofMajor(info.protocolVersionMajor()).orElseThrow();
                log.info("server speaks spec v{}; continuing at that version", older.major());
                conn.useCodec(new ClientCodec(older, maxFrameChars));
            }
            return CompletableFuture.completedFuture(info);
        }, serial).thenCompose(f -> f);
    }

    /**
     * During the handshake, a frame the v4 codec cannot read: read as v3, a ServerInfo switches
     * the connection to v3 and an Error is passed on (it then fails the v4 request, which falls
     * back). Empty when fallback is off, the connection is not at v4, or the frame is neither.
     */
    Optional<List<ServerMessage>> readAsV3(ClientConnection conn, String frame) {
        if (!fallbackToV3 || conn.codec().version() != SpecVersion.V4) {
            return Optional.empty();
        }
        ClientCodec v3 = new ClientCodec(SpecVersion.V3, maxFrameChars);
        try {
            List<ServerMessage> messages = v3.decode(frame);
            if (messages.stream().anyMatch(m -> m instanceof ServerInfo)) {
                log.info("server answered the v4 handshake in v3 form; continuing as v3");
                conn.useCodec(v3);
                return Optional.of(messages);
            }
            if (messages.stream().anyMatch(m -> m instanceof ErrorMessage)) {
                return Optional.of(messages);
            }
        } catch (DecodeException e) {
            log.debug("not a v3 frame either: {}", e.getMessage());
        }
        return Optional.empty();
    }
}
