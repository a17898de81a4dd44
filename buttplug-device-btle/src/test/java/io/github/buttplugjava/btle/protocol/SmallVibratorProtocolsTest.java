package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Encodings of small protocols that have no upstream device test case; vectors from the reference. */
class SmallVibratorProtocolsTest {

    @Test
    void prettyLoveIdentifiesEveryNameAsAoguBle() throws Exception {
        HandlerProbe p = HandlerProbe.connect("prettylove", "Aogu BLE 1234");
        assertThat(p.definition.identifier()).isEqualTo("Aogu BLE");
        assertThat(p.handler.vibrate(0, 3)).containsExactly(write(Endpoint.TX, true, 0x00, 0x03));
    }

    @Test
    void picobong() throws Exception {
        HandlerProbe p = HandlerProbe.connect("picobong", "Picobong Egg");
        assertThat(p.definition.name()).isEqualTo("Picobong Diver");
        assertThat(p.handler.vibrate(0, 5)).containsExactly(write(Endpoint.TX, false, 0x01, 0x01, 0x05));
        assertThat(p.handler.vibrate(0, 0)).containsExactly(write(Endpoint.TX, false, 0x01, 0xff, 0x00));
    }

    @Test
    void patooSendsTheFirstRunningMotorWithItsMode() throws Exception {
        HandlerProbe p = HandlerProbe.connect("patoo", "PBT123");
        assertThat(p.definition.identifier()).isEqualTo("PBT");
        assertThat(p.definition.name()).isEqualTo("Patoo Devil");
        ProtocolHandler h = p.handler;
        assertThat(h.vibrate(1, 50)).containsExactly(write(Endpoint.TX, true, 50), write(Endpoint.TXMODE, true, 0x80));
        assertThat(h.vibrate(0, 20)).containsExactly(write(Endpoint.TX, true, 20), write(Endpoint.TXMODE, true, 0x04));
        assertThat(h.vibrate(0, 0)).containsExactly(write(Endpoint.TX, true, 50), write(Endpoint.TXMODE, true, 0x80));
        assertThat(h.vibrate(1, 0)).containsExactly(write(Endpoint.TX, true, 0), write(Endpoint.TXMODE, true, 0x00));
    }

    @Test
    void mysteryVibeV2InitialisesWithItsOwnModePacket() throws Exception {
        HandlerProbe p = HandlerProbe.connect("mysteryvibe-v2", "6909 MV1");
        assertThat(p.definition.name()).isEqualTo("MysteryVibe Tenuto 2");
        assertThat(p.io.traffic).containsExactly(write(Endpoint.TXMODE, true, 0x03, 0x02, 0x40));
        assertThat(p.handler.vibrate(2, 10)).containsExactly(write(Endpoint.TXVIBRATE, false, 0, 0, 10, 0));
        assertThat(p.handler.keepalive()).contains(Duration.ofMillis(93));
    }

    @Test
    void myMuseLinkPlus() throws Exception {
        ProtocolHandler h = HandlerProbe.connect("mymuselinkplus", "MM Massager").handler;
        assertThat(h.vibrate(0, 7)).containsExactly(write(Endpoint.TX, false, 0xaa, 0x55, 0x06, 0x01, 0x01, 0x01, 0x07, 0xff));
        assertThat(h.vibrate(0, 0)).containsExactly(write(Endpoint.TX, false, 0xaa, 0x55, 0x06, 0xaa, 0, 0, 0, 0));
    }

    @Test
    void monsterPubAuthenticatesAndStopsThroughTxMode() throws Exception {
        byte[] challenge = Frames.bytes(1, 0x4c, 0x53, 0x42, 0x42, 0, 0, 0, 0, 1, 2, 3, 4, 0x4c, 0x53, 0x42);
        ScriptedIo io = new ScriptedIo("MonsterPub")
                .withEndpoints(Endpoint.TX, Endpoint.TXMODE, Endpoint.RX, Endpoint.RXBLEMODEL)
                .answerRead(Endpoint.RXBLEMODEL, Frames.bytes('M', 'P', '2', '_', 'J', 'K', '_', 'N', '_', 'P', '1', 0, 0))
                .answerRead(Endpoint.RX, challenge);
        HandlerProbe p = HandlerProbe.connect("monsterpub", io);
        assertThat(p.definition.name()).isEqualTo("Sistalk MonsterPub 2 Doctor Whale");
        assertThat(io.traffic).containsExactly(write(Endpoint.RX, true,
                0, 0, 0, 0, 0x4c, 0x53, 0x42, 0x42, 0x4d, 0x51, 0x41, 0x46, 0, 0, 0));
        assertThat(p.handler.vibrate(0, 5)).containsExactly(write(Endpoint.TX, false, 5, 0));
        assertThat(p.handler.vibrate(0, 0)).containsExactly(write(Endpoint.TXMODE, true, 0, 0));
    }

    @Test
    void monsterPubWithoutModelOrTxUsesGeneric0() throws Exception {
        ScriptedIo io = new ScriptedIo("TracyDog").withEndpoints(Endpoint.GENERIC0, Endpoint.RXBLEMODEL);
        HandlerProbe p = HandlerProbe.connect("monsterpub", io);
        assertThat(p.definition.identifier()).isEqualTo("Unknown");
        assertThat(io.traffic).isEmpty();
        assertThat(p.handler.vibrate(0, 9)).containsExactly(write(Endpoint.GENERIC0, false, 3, 9));
    }
}
