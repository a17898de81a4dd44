package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * The Handy (firmware 2, "handyplug"): protobuf messages with response on {@code tx}. A position
 * over time is {@code Payload{Messages: [Message{LinearCmd (403): {Id: 2, DeviceIndex: 0,
 * Vectors: [{Index: 0, Duration: ms, Position: p/100 (double)}]}}]}}, proto3-encoded.
 */
final class TheHandy implements ProtocolHandler {

    private static final int LINEAR_CMD = 403;

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        ProtobufWriter vector = new ProtobufWriter().varint(1, 0).varint(2, durationMs).float64(3, position / 100.0);
        ProtobufWriter linear = new ProtobufWriter().varint(1, 2).varint(2, 0).message(3, vector);
        ProtobufWriter message = new ProtobufWriter().message(LINEAR_CMD, linear);
        byte[] payload = new ProtobufWriter().message(1, message).toByteArray();
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, payload, true));
    }
}
