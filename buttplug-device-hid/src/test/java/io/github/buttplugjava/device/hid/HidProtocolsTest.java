package io.github.buttplugjava.device.hid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of HID ids is the bundled configuration's {@code hid} entries of the protocols with a handler. */
class HidProtocolsTest {

    @Test
    void theTableIsTheConfigurationsJoyconPairs() throws Exception {
        JsonNode config;
        try (InputStream in = io.github.buttplugjava.btle.config.DeviceConfiguration.class
                .getResourceAsStream("buttplug-device-config-v4.json")) {
            config = new ObjectMapper().readTree(in);
        }
        List<HidProtocols.Pair> fromConfig = new ArrayList<>();
        for (JsonNode comm : config.path("protocols").path("nintendo-joycon").path("communication")) {
            for (JsonNode pair : comm.path("hid").path("pairs")) {
                fromConfig.add(new HidProtocols.Pair("nintendo-joycon", pair.path("vendor_id").asInt(),
                        pair.path("product_id").asInt()));
            }
        }
        assertThat(HidProtocols.pairs()).containsExactlyInAnyOrderElementsOf(fromConfig).isNotEmpty();
        assertThat(HidProtocols.protocolOf(0x057E, 0x2009)).contains("nintendo-joycon");
        assertThat(HidProtocols.protocolOf(0x057E, 0x2000)).isEmpty();
    }
}
