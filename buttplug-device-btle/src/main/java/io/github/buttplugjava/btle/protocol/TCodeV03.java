package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * TCode v0.3 (ASCII lines on {@code tx}, without response): position {@code L0ppp\nR0ppp\n}, move
 * {@code L<feature><pp>I<ms>\n}, vibrate {@code V<feature><ss>\n}.
 */
final class TCodeV03 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> position(int featureIndex, int position) {
        return line(featureIndex, String.format("L0%03d\nR0%03d\n", position, position));
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        return line(featureIndex, String.format("L%d%02dI%d\n", featureIndex, position, durationMs));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return line(featureIndex, String.format("V%d%02d\n", featureIndex, speed));
    }

    private static List<HardwareCommand> line(int featureIndex, String text) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, Lovense.ascii(text), false));
    }
}
