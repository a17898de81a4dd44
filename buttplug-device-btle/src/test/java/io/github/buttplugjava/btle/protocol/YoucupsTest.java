package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

class YoucupsTest {

    @Test
    void sendsAsciiSysCommand() throws Exception {
        HandlerProbe youcups = HandlerProbe.connect("youcups", "Youcups");
        assertThat(youcups.handler.vibrate(0, 7)).containsExactly(write(Endpoint.TX, false, '$', 'S', 'Y', 'S', ',', '7', '?'));
        assertThat(youcups.handler.vibrate(0, 0)).containsExactly(write(Endpoint.TX, false, '$', 'S', 'Y', 'S', ',', '0', '?'));
    }
}
