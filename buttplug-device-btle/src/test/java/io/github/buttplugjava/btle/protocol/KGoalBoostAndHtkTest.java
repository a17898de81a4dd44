package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.message.InputType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

/** KGoal Boost pressure inputs and the HTK massager's mode byte (no upstream device test cases). */
class KGoalBoostAndHtkTest {

    @Test
    void boostReportsChangedPressureReadingsPerSubscribedFeature() throws Exception {
        HandlerProbe boost = HandlerProbe.connect("kgoal-boost", "Boost");
        List<Integer> normalised = new ArrayList<>();
        List<Integer> raw = new ArrayList<>();
        boost.handler.subscribeInput(boost.io, 0, InputType.PRESSURE, normalised::add).get(2, TimeUnit.SECONDS);
        assertThat(boost.io.traffic).containsExactly(new HardwareCommand.Subscribe(Endpoint.RXPRESSURE));

        boost.io.notify(Endpoint.RXPRESSURE, Frames.bytes(0x00, 0x01, 0x04, 0x00, 0x05, 0x01, 0x02));
        boost.io.notify(Endpoint.RXPRESSURE, Frames.bytes(0x00, 0x01, 0x04, 0x00, 0x05, 0x01, 0x02));
        boost.io.notify(Endpoint.RXPRESSURE, Frames.bytes(0x00, 0x01)); // too short: ignored
        assertThat(normalised).containsExactly(5);

        boost.handler.subscribeInput(boost.io, 1, InputType.PRESSURE, raw::add).get(2, TimeUnit.SECONDS);
        boost.io.notify(Endpoint.RXPRESSURE, Frames.bytes(0x00, 0x01, 0x04, 0x00, 0x06, 0x01, 0x02));
        assertThat(normalised).containsExactly(5, 6);
        assertThat(raw).containsExactly(0x0102);

        boost.handler.unsubscribeInput(boost.io, 0, InputType.PRESSURE).get(2, TimeUnit.SECONDS);
        assertThat(boost.io.traffic).hasSize(1);
        boost.handler.unsubscribeInput(boost.io, 1, InputType.PRESSURE).get(2, TimeUnit.SECONDS);
        assertThat(boost.io.traffic).containsExactly(new HardwareCommand.Subscribe(Endpoint.RXPRESSURE),
                new HardwareCommand.Unsubscribe(Endpoint.RXPRESSURE));
        boost.io.notify(Endpoint.RXPRESSURE, Frames.bytes(0x00, 0x01, 0x04, 0x00, 0x07, 0x01, 0x03));
        assertThat(normalised).containsExactly(5, 6);
    }

    @Test
    void htkSendsOneModeByteForBothMotors() throws Exception {
        ProtocolHandler htk = HandlerProbe.connect("htk_bm", "HTK-BLE-BM001").handler;
        assertThat(htk.vibrate(0, 1)).containsExactly(write(Endpoint.TX, false, 12));
        assertThat(htk.vibrate(1, 1)).containsExactly(write(Endpoint.TX, false, 11));
        assertThat(htk.vibrate(0, 0)).containsExactly(write(Endpoint.TX, false, 13));
        assertThat(htk.vibrate(1, 0)).containsExactly(write(Endpoint.TX, false, 15));
    }
}
