package io.github.buttplugjava.core.codec;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.FrameWriter;
import io.github.buttplugjava.core.codec.internal.HandshakeReader;
import io.github.buttplugjava.core.codec.internal.HotFrameReader;
import io.github.buttplugjava.core.codec.internal.HotFrameWriter;
import io.github.buttplugjava.core.codec.internal.LegacyHotReader;
import io.github.buttplugjava.core.codec.internal.LegacyNames;
import io.github.buttplugjava.core.codec.internal.LegacyRequestReader;
import io.github.buttplugjava.core.codec.internal.LegacyServerWriter;
import io.github.buttplugjava.core.codec.internal.LegacyViews;
import io.github.buttplugjava.core.codec.internal.PendingReadings;
import io.github.buttplugjava.core.codec.internal.V4ClientReader;
import io.github.buttplugjava.core.codec.internal.V4ServerWriter;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side codec of one client connection: decodes the client's frames into v4 requests
 * and encodes the server's v4 messages in the client's spec version.
 *
 * <p>The version is fixed by the first RequestServerInfo decoded (ProtocolVersionMajor, else
 * MessageVersion, else v0) and never changes after. Requests of v0..v3 clients are converted to
 * v4 commands with the spec's rounding, using the session's current device list; replies and
 * events are converted down (ServerInfo and DeviceList shapes, DeviceList events to
 * DeviceAdded/DeviceRemoved, InputReading to SensorReading or BatteryLevelReading).
 *
 * <p>Not thread-safe: one session uses it serially (decode and encode may alternate, but not run
 * at the same time).
 */
public final class ServerCodec {
    private static final Logger log = LoggerFactory.getLogger(ServerCodec.class);

    /** Default frame limit: 1 MiB of characters. */
    public static final int DEFAULT_MAX_FRAME_CHARS = 1 << 20;

    private final Supplier<DeviceList> devices;
    private final int maxFrameChars;
    private final PendingReadings pendingReadings = new PendingReadings();
    private final LegacyRequestReader legacyReader = new LegacyRequestReader(pendingReadings);
    private final LegacyServerWriter legacyWriter = new LegacyServerWriter(pendingReadings);
    private final LegacyViews legacyViews = new LegacyViews();
    private SpecVersion version;

    /**
     * @param devices       the session's current v4 device list (needed to map v0..v3 per-type
     *                      indices); called on the decoding thread
     * @param maxFrameChars longest frame accepted, in characters
     * @throws IllegalArgumentException when {@code maxFrameChars} is not positive
     */
    public ServerCodec(Supplier<DeviceList> devices, int maxFrameChars) {
        this.devices = Objects.requireNonNull(devices, "devices");
        if (maxFrameChars <= 0) {
            throw new IllegalArgumentException("maxFrameChars must be positive");
        }
        this.maxFrameChars = maxFrameChars;
    }

    /**
     * Decodes one received text frame. Never throws: bad input becomes {@link Decoded.Rejected}
     * entries (a malformed frame or an empty array gives one Rejected with Id 0). Before the first
     * RequestServerInfo, valid v4 requests decode (for the server to answer ERROR_INIT); other
     * client messages of any version, or v4 ones with a bad body, are Rejected with ERROR_INIT.
     *
     * @param frame one received text frame
     * @return one entry per message, in frame order
     */
    public List<Decoded> decode(String frame) {
        if (version == SpecVersion.V4) {
            List<Message> hot = HotFrameReader.read(frame, maxFrameChars, HotFrameReader.Direction.TO_SERVER);
            if (hot != null) {
                List<Decoded> out = new ArrayList<>(hot.size());
                for (Message message : hot) {
                    out.add(request(HotFrameReader.wireName(message), (ClientMessage) message));
                }
                return out;
            }
        } else if (version != null) {
            List<Decoded> hot = LegacyHotReader.readRequests(frame, maxFrameChars, version, devices, legacyViews);
            if (hot != null) {
                return hot;
            }
        }
        List<WireEntry> entries;
        try {
            entries = FrameReader.read(frame, maxFrameChars);
        } catch (DecodeException e) {
            log.debug("rejected frame: {}", e.getMessage());
            return List.of(new Decoded.Rejected(0, e));
        }
        List<Decoded> out = new ArrayList<>(entries.size());
        for (WireEntry entry : entries) {
            out.add(decode(entry));
        }
        return out;
    }

    private Decoded decode(WireEntry entry) {
        if (entry.problem() != null) {
            return new Decoded.Rejected(entry.problem().id(), entry.problem());
        }
        String name = entry.name();
        try {
            if (name.equals("RequestServerInfo")) {
                return handshake(entry);
            }
            if (version == null) {
                return beforeHandshake(entry);
            }
            if (version == SpecVersion.V4) {
                if (!V4ClientReader.NAMES.contains(name)) {
                    throw new DecodeException(entry.readableId(), LegacyNames.unknownText(name, version));
                }
                return request(name, V4ClientReader.read(name, entry.body()));
            }
            return legacyReader.read(version, name, entry.body(), devices.get());
        } catch (ButtplugException e) {
            log.debug("rejected {}: {}", name, e.getMessage());
            long id = e instanceof DecodeException d ? d.id() : entry.readableId();
            return new Decoded.Rejected(id, e);
        }
    }

    /**
     * A v4 request decodes so the server can answer it ERROR_INIT itself; a v4 name with a bad
     * body is malformed in every version (the names v4 shares with older versions have the same
     * body there), so it is ERROR_MSG like any malformed message; any other client message of
     * some version is ERROR_INIT right away.
     */
    private static Decoded beforeHandshake(WireEntry entry) {
        String name = entry.name();
        if (V4ClientReader.NAMES.contains(name)) {
            return request(name, V4ClientReader.read(name, entry.body()));
        }
        if (LegacyNames.isClientMessage(name)) {
            return new Decoded.Rejected(entry.readableId(), new ButtplugHandshakeException(
                    "RequestServerInfo expected as the first message, got " + name));
        }
        throw new DecodeException(entry.readableId(), "Unknown message " + name);
    }

    private Decoded handshake(WireEntry entry) {
        RequestServerInfo rsi = HandshakeReader.read(entry.body());
        if (version == null) {
            version = SpecVersion.ofMajor(rsi.protocolVersionMajor()).orElse(null);
            if (version != null) {
                log.debug("client {} speaks spec {}", rsi.clientName(), version);
            }
        }
        return request("RequestServerInfo", rsi);
    }

    private static Decoded request(String name, ClientMessage message) {
        return new Decoded.Request(message.id(), name, List.of(message));
    }

    /**
     * The negotiated version, once a RequestServerInfo of a known version was decoded.
     *
     * @return the client's version, or empty before a RequestServerInfo of a known version
     */
    public Optional<SpecVersion> version() {
        return Optional.ofNullable(version);
    }

    private static boolean onlyOks(List<ServerMessage> messages) {
        for (ServerMessage message : messages) {
            if (!(message instanceof Ok)) {
                return false;
            }
        }
        return !messages.isEmpty();
    }

    /**
     * Encodes server messages in this client's version (v4 before the handshake), converting down.
     *
     * @param messages the v4 server messages, in the order they go in the frame
     * @return the frame, or empty when nothing is to be sent at this version (e.g. an unchanged
     *         device list event, or a reading with no equivalent in the client's version)
     */
    public Optional<String> encode(List<ServerMessage> messages) {
        SpecVersion target = version == null ? SpecVersion.V4 : version;
        if (target == SpecVersion.V4 || onlyOks(messages)) {
            // only DeviceList is ever held back on v4 (LegacyServerWriter.admitV4), and it is not hot;
            // Ok has the same wire form in every version
            String hot = HotFrameWriter.write(messages);
            if (hot != null) {
                return Optional.of(hot);
            }
        }
        FrameWriter frame = new FrameWriter();
        try {
            for (ServerMessage message : messages) {
                if (target == SpecVersion.V4) {
                    if (legacyWriter.admitV4(message)) {
                        V4ServerWriter.write(frame, message);
                    }
                } else {
                    legacyWriter.write(frame, target, message);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (frame.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(frame.finish());
    }
}
