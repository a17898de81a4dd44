package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VibCrafterTest {

    @Test
    void answersTheChallengeAndEncryptsSpeeds() throws Exception {
        ScriptedIo io = new ScriptedIo("Hayden").replyOnRx(data -> {
            String text = VibCrafter.decrypt(data);
            if (text.matches("Auth:[A-Za-z0-9]{6};")) {
                return VibCrafter.encrypt("ab12:hello;");
            }
            return VibCrafter.encrypt(text.equals("Auth:2cf2;") ? "OK;" : "NO;");
        });
        HandlerProbe vib = HandlerProbe.connect("vibcrafter", io);
        assertThat(io.traffic).hasSize(3);
        assertThat(io.traffic.get(0)).isEqualTo(new HardwareCommand.Subscribe(Endpoint.RX));
        assertThat(VibCrafter.decrypt(((HardwareCommand.Write) io.traffic.get(2)).data())).isEqualTo("Auth:2cf2;");

        List<HardwareCommand> out = vib.handler.vibrate(0, 5);
        assertThat(out).hasSize(1);
        HardwareCommand.Write w = (HardwareCommand.Write) out.get(0);
        assertThat(w.endpoint()).isEqualTo(Endpoint.TX);
        assertThat(w.withResponse()).isFalse();
        assertThat(w.data()).hasSize(16);
        assertThat(VibCrafter.decrypt(w.data())).isEqualTo("MtInt:0500;");
        assertThat(VibCrafter.decrypt(((HardwareCommand.Write) vib.handler.vibrate(1, 12).get(0)).data()))
                .isEqualTo("MtInt:0512;");
    }

    @Test
    void encryptsWithAes128EcbAndPkcs7() {
        // one block of plaintext "OK;" padded with 13 bytes of 0x0d, under the protocol's key
        assertThat(VibCrafter.encrypt("OK;")).hasSize(16);
        assertThat(VibCrafter.decrypt(VibCrafter.encrypt("MtInt:2020;"))).isEqualTo("MtInt:2020;");
        assertThat(VibCrafter.challengeAnswer("hello")).isEqualTo("2cf2");
    }
}
