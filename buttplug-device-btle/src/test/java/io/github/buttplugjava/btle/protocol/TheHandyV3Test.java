package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

class TheHandyV3Test {

    @Test
    void asksBatteryAndCapabilitiesThenSendsNumberedRequests() throws Exception {
        ScriptedIo io = new ScriptedIo("OHD_hw1_0123").replyOnRx(data -> Frames.bytes(0x08, 0x03));
        HandlerProbe oh = HandlerProbe.connect("thehandy-v3", io);
        assertThat(oh.definition.identifier()).isEqualTo("hw1");
        assertThat(oh.definition.name()).isEqualTo("The Oh!");
        assertThat(io.traffic).containsExactly(
                new HardwareCommand.Subscribe(Endpoint.RX),
                // RpcMessage{type: 1, request: {id: 1, request_battery_get (710): {}}}
                write(Endpoint.TX, false, 0x08, 0x01, 0x12, 0x05, 0x10, 0x01, 0xb2, 0x2c, 0x00),
                // RpcMessage{type: 1, request: {id: 2, request_capabilities_get (713): {}}}
                write(Endpoint.TX, false, 0x08, 0x01, 0x12, 0x05, 0x10, 0x02, 0xca, 0x2c, 0x00));

        // The vectors below are prost's encoding (fields in ascending tag order, defaults left out),
        // computed outside this library; ids from 2 as the reference's device setup leaves them.
        // id 2: request_hdsp_xp_t_set (744) {xp: 0.5f, t: 500, stop_on_target: true}
        assertThat(oh.handler.positionWithDuration(0, 50, 500)).containsExactly(write(Endpoint.TX, true,
                0x08, 0x01, 0x12, 0x0f, 0x10, 0x02, 0xc2, 0x2e, 0x0a, 0x0d, 0x00, 0x00, 0x00, 0x3f, 0x10, 0xf4, 0x03, 0x18, 0x01));
        // id 3: request_hvp_set (900) {amplitude: 0.25f, frequency: 100, position: 0 (left out)}
        assertThat(oh.handler.vibrate(0, 25)).containsExactly(write(Endpoint.TX, true,
                0x08, 0x01, 0x12, 0x0c, 0x10, 0x03, 0xa2, 0x38, 0x07, 0x0d, 0x00, 0x00, 0x80, 0x3e, 0x10, 0x64));
        // id 4: request_hvp_stop (901) {}
        assertThat(oh.handler.vibrate(0, 0)).containsExactly(write(Endpoint.TX, true,
                0x08, 0x01, 0x12, 0x05, 0x10, 0x04, 0xaa, 0x38, 0x00));
    }

    @Test
    void startsEvenWhenTheHandyDoesNotAnswer() throws Exception {
        HandlerProbe handy = HandlerProbe.connect("thehandy-v3", "OHD_hw4_99");
        assertThat(handy.definition.name()).isEqualTo("The Handy 2 Pro");
        assertThat(handy.io.traffic).hasSize(3);
    }
}
