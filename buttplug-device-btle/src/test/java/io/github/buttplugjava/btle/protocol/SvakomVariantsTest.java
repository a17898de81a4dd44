package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Svakom-family protocols that have no upstream device test case; vectors from the reference's encodings. */
class SvakomVariantsTest {

    private static HardwareCommand tx(int... data) {
        return write(Endpoint.TX, false, data);
    }

    @Test
    void avaNeo() throws Exception {
        ProtocolHandler h = HandlerProbe.connect("svakom-avaneo", "Ava Neo").handler;
        assertThat(h.vibrate(0, 5)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x01, 0x05));
        assertThat(h.oscillate(1, 1)).containsExactly(tx(0x55, 0x08, 0x00, 0x00, 0x01, 0xff));
    }

    @Test
    void barneySharesOneFrameBetweenTwoVibrators() throws Exception {
        HandlerProbe p = HandlerProbe.connect("svakom-barney", "DJ333A");
        assertThat(p.definition.name()).isEqualTo("Mutufun Barney");
        assertThat(p.handler.vibrate(0, 5)).containsExactly(tx(0x55, 0x03, 0x01, 0x00, 0x03, 0x05, 0x00));
        assertThat(p.handler.vibrate(1, 7)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x03, 0x07, 0x00));
        assertThat(p.handler.vibrate(0, 0)).containsExactly(tx(0x55, 0x03, 0x02, 0x00, 0x03, 0x07, 0x00));
        assertThat(p.handler.vibrate(1, 0)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00));
    }

    @Test
    void dice() throws Exception {
        ProtocolHandler h = HandlerProbe.connect("svakom-dice", "ZhiAi").handler;
        assertThat(h.vibrate(0, 200)).containsExactly(tx(0x55, 0x04, 0x00, 0x00, 0x01, 200, 0xaa));
    }

    @Test
    void dt250a() throws Exception {
        ProtocolHandler h = HandlerProbe.connect("svakom-dt250a", "DT250A").handler;
        assertThat(h.vibrate(0, 2)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x02, 0x01));
        assertThat(h.vibrate(1, 3)).containsExactly(tx(0x55, 0x08, 0x00, 0x00, 0x03, 0x01));
        assertThat(h.constrict(2, 2)).containsExactly(tx(0x55, 0x09, 0x00, 0x00, 0x02, 0x00));
        assertThat(h.vibrate(0, 0)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x00, 0x00));
    }

    @Test
    void jordan() throws Exception {
        ProtocolHandler h = HandlerProbe.connect("svakom-jordan", "Jordan").handler;
        assertThat(h.vibrate(0, 10)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x01, 0x0a, 0x00));
        assertThat(h.oscillate(1, 5)).containsExactly(tx(0x55, 0x08, 0x00, 0x00, 0x01, 0x05, 0x00));
    }

    @Test
    void samSubscribesAndUsesSecondGenerationFrames() throws Exception {
        HandlerProbe p = HandlerProbe.connect("svakom-sam", "Sam Neo");
        assertThat(p.io.traffic).containsExactly(new HardwareCommand.Subscribe(Endpoint.RX));
        assertThat(p.handler.vibrate(0, 10)).containsExactly(tx(18, 1, 3, 0, 4, 10));
        assertThat(p.handler.vibrate(0, 0)).containsExactly(tx(18, 1, 3, 0, 0, 0));
        assertThat(p.handler.constrict(1, 1)).containsExactly(tx(18, 6, 1, 1));
    }

    @Test
    void suitcaseSplitsStepsIntoIntensityAndSpeed() throws Exception {
        ProtocolHandler h = HandlerProbe.connect("svakom-suitcase", "VX357A-BLE-V1.0").handler;
        assertThat(h.vibrate(0, 25)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 3, 5));
        assertThat(h.vibrate(0, 20)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 2, 10));
        assertThat(h.vibrate(0, 0)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0, 0));
        assertThat(h.vibrate(1, 1)).containsExactly(tx(0x55, 0x09, 0x00, 0x00, 0x01, 0x00));
    }

    @Test
    void taraX() throws Exception {
        ProtocolHandler h = HandlerProbe.connect("svakom-tarax", "SX218A").handler;
        assertThat(h.vibrate(0, 3)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x03, 0x02));
        assertThat(h.vibrate(0, 0)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x01, 0x01));
        assertThat(h.vibrate(1, 2)).containsExactly(tx(0x55, 0x09, 0x00, 0x00, 0x02, 0x00));
    }

    @Test
    void v4PicksTheRunningMotorUnlessTheToyHasOnlyOne() throws Exception {
        ProtocolHandler dual = HandlerProbe.connect("svakom-v4", "B2CM6").handler;
        assertThat(dual.vibrate(0, 4)).containsExactly(tx(0x55, 0x03, 0x01, 0x00, 0x01, 0x04, 0x00));
        ProtocolHandler single = HandlerProbe.connect("svakom-v4", "VV468A").handler;
        assertThat(single.vibrate(0, 4)).containsExactly(tx(0x55, 0x03, 0x00, 0x00, 0x01, 0x04, 0x00));
    }
}
