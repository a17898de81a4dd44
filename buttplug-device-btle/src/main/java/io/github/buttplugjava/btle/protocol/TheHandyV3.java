package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Handy firmware 4+ and The Oh! ({@code OHD_hwN_...}; the model is the {@code hwN} part):
 * protobuf {@code RpcMessage{type: REQUEST (1), request: Request{id, params}}} on {@code tx}. At
 * start it subscribes to {@code rx} and asks for the battery (710, id 1) and the capabilities
 * (713, id 2), without response, waiting briefly for each reply (which it does not need). Moves
 * are {@code HdspXpTSet} (744: xp = p/100, t = ms, stop_on_target), vibration {@code HvpSet}
 * (900: amplitude = s/100, frequency 100) or {@code HvpStop} (901), with response.
 *
 * <p>Byte for byte as the reference's encoder (prost): fields in ascending tag order, so a
 * request's {@code id} (tag 2) comes before its params (tags 606 and up), and fields at their
 * default value are left out. Commands are numbered from {@value #FIRST_COMMAND_ID}: the
 * reference's handler numbers from 0, but asking it for its keepalive strategy takes a number,
 * and the reference's device setup asks twice before the first command (Intiface Engine asks
 * again when it announces the device, so there the first command's id is higher). The Handy does not check
 * the numbers; they are kept equal so that recorded traffic compares.
 */
final class TheHandyV3 implements ProtocolHandler {

    private static final Logger log = LoggerFactory.getLogger(TheHandyV3.class);
    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(500);
    private static final int REQUEST = 1;
    private static final int BATTERY_GET = 710;
    private static final int CAPABILITIES_GET = 713;
    private static final int HDSP_XP_T_SET = 744;
    private static final int HVP_SET = 900;
    private static final int HVP_STOP = 901;

    /** The id of the first command after the start-up requests (see the class comment). */
    static final int FIRST_COMMAND_ID = 2;

    private int sequence = FIRST_COMMAND_ID;

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        String[] parts = io.name().split("_");
        return CompletableFuture.completedFuture(new Identification(protocol, parts.length > 2 ? parts[1] : "unknown"));
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.subscribe(Endpoint.RX)
                .thenCompose(v -> ask(io, request(1, BATTERY_GET, new ProtobufWriter())))
                .thenCompose(v -> ask(io, request(2, CAPABILITIES_GET, new ProtobufWriter())));
    }

    private static CompletableFuture<Void> ask(HardwareIo io, byte[] request) {
        CompletableFuture<byte[]> reply = io.nextNotification(Endpoint.RX, REPLY_TIMEOUT);
        return io.write(Endpoint.TX, request, false)
                .thenCompose(v -> reply.handle((data, e) -> {
                    if (e != null) {
                        log.debug("The Handy did not answer a start-up request: {}", e.toString());
                    }
                    return null;
                }));
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        ProtobufWriter params = new ProtobufWriter()
                .float32(1, position / 100f).varint(2, durationMs).bool(3, true);
        return send(featureIndex, HDSP_XP_T_SET, params);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (speed == 0) {
            return send(featureIndex, HVP_STOP, new ProtobufWriter());
        }
        ProtobufWriter params = new ProtobufWriter().float32(1, speed / 100f).varint(2, 100).float32(3, 0f);
        return send(featureIndex, HVP_SET, params);
    }

    private List<HardwareCommand> send(int featureIndex, int kind, ProtobufWriter params) {
        int id = sequence++;
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, request(id, kind, params), true));
    }

    /** {@code RpcMessage{type: REQUEST, request: Request{id, <kind>: params}}}, in tag order. */
    static byte[] request(int id, int kind, ProtobufWriter params) {
        ProtobufWriter request = new ProtobufWriter().varint(2, id).message(kind, params);
        return new ProtobufWriter().varint(1, REQUEST).message(2, request).toByteArray();
    }
}
