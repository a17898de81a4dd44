package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.codec.ClientCodec;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ServerInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedTextTest {

    @Test
    void equalTextsShareOneInstance() {
        String a = new String("Lovense Hush");
        String b = new String("Lovense Hush");
        assertThat(a).isNotSameAs(b);

        assertThat(RepeatedText.shared(a)).isSameAs(RepeatedText.shared(b));
    }

    @Test
    void aTextThatTakesAnotherOnesSlotEvictsItAndStaysEqual() {
        String first = RepeatedText.shared(new String("Aa-slot"));
        // "BB" and "Aa" have the same hash: so do texts that differ only by that prefix
        String rival = new String("BB-slot");
        assertThat(rival.hashCode()).isEqualTo(first.hashCode());

        assertThat(RepeatedText.shared(rival)).isSameAs(rival);
        String again = new String("Aa-slot");
        assertThat(RepeatedText.shared(again)).isSameAs(again).isEqualTo(first);
    }

    @Test
    void nullAndLongTextsPassThrough() {
        assertThat(RepeatedText.shared(null)).isNull();
        String longText = "x".repeat(RepeatedText.MAX_LENGTH + 1);
        RepeatedText.shared(longText);
        String same = "x".repeat(RepeatedText.MAX_LENGTH + 1);
        assertThat(RepeatedText.shared(same)).isSameAs(same);
    }

    @Test
    void twoDecodedDeviceListsShareTheirNamesAndDescriptions() throws Exception {
        String json = "[{\"DeviceList\":{\"Id\":1,\"Devices\":{\"0\":{\"DeviceName\":\"Lovense Hush\",\"DeviceIndex\":0,"
                + "\"DeviceMessageTimingGap\":100,\"DeviceFeatures\":{\"0\":{\"FeatureIndex\":0,"
                + "\"FeatureDescription\":\"Vibrator\",\"Output\":{\"Vibrate\":{\"Value\":[0,20]}}}}}}}}]";
        ClientCodec codec = new ClientCodec(SpecVersion.V4, 65_536);

        DeviceInfo one = ((DeviceList) codec.decode(json).get(0)).devices().get(0);
        DeviceInfo two = ((DeviceList) codec.decode(json).get(0)).devices().get(0);

        assertThat(two.deviceName()).isEqualTo("Lovense Hush").isSameAs(one.deviceName());
        assertThat(two.features().get(0).description()).isEqualTo("Vibrator")
                .isSameAs(one.features().get(0).description());
    }

    @Test
    void twoDecodedServerInfosShareTheirName() throws Exception {
        String json = "[{\"ServerInfo\":{\"Id\":1,\"ServerName\":\"buttplug-java share agent\","
                + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0,\"MaxPingTime\":1500}}]";
        ClientCodec codec = new ClientCodec(SpecVersion.V4, 65_536);

        ServerInfo one = (ServerInfo) codec.decode(json).get(0);
        ServerInfo two = (ServerInfo) codec.decode(json).get(0);

        assertThat(two.serverName()).isEqualTo("buttplug-java share agent").isSameAs(one.serverName());
    }
}
