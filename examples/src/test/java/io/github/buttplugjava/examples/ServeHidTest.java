package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.device.hid.HidDeviceInfo;
import io.github.buttplugjava.device.hid.ScriptedHidBus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --hid}: a scripted Joy-Con on a scripted HID bus (no virtual HID here), driven by
 * our client over WebSocket; closing the server stops its rumble first.
 */
class ServeHidTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RUMBLE_HALF = "1001a888ac62a888ac6200" + "00".repeat(53);
    private static final String RUMBLE_STOP = "100100004140000041400000" + "00".repeat(52);

    @Test
    void servesAScriptedJoycon() throws Exception {
        ScriptedHidBus bus = new ScriptedHidBus();
        ScriptedHidBus.Device joycon = bus.attach(new HidDeviceInfo(0x057E, 0x2006, "/dev/hidraw7", "Joy-Con (L)", "aa:bb"));
        ServeCommand serve = (ServeCommand) Cli.commandLine().parseArgs("serve", "--port", "0", "--use-hid")
                .subcommand().commandSpec().userObject();
        serve.hid.bus = bus;
        serve.hid.hid = serve.intiface.hid; // as applyIntifaceNames does when the command runs
        try (ServedClient served = ServedClient.start(serve, "hid test client")) {
            ButtplugClientDevice toy = served.nextDevice("the Joy-Con was found", WAIT);
            assertThat(toy.name()).isEqualTo("Nintendo Joycon");

            toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
            assertThat(joycon.await(r -> r.contains(RUMBLE_HALF), WAIT)).first().asString().startsWith("0100");
        }
        List<String> reports = joycon.reports();
        assertThat(reports.get(reports.size() - 1)).isEqualTo(RUMBLE_STOP);
        assertThat(bus.closed()).isTrue();
    }
}
