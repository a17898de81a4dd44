package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedSerialDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --serial PORT=PROTOCOL}: a scripted OSR on a pseudo-terminal, driven by our client over WebSocket. */
class ServeSerialTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void servesAScriptedOsrOnAPseudoTerminal() throws Exception {
        try (PtyPair pty = PtyPair.start(); ScriptedSerialDevice osr = ScriptedSerialDevice.open(pty.scriptPort());
             ServedClient served = ServedClient.serve("serial test client", "serve", "--port", "0",
                     "--serial", pty.devicePort() + "=tcode-v03")) {
            ButtplugClientDevice toy = served.nextDevice("the OSR on the pseudo-terminal was found", WAIT);
            assertThat(toy.name()).isEqualTo("TCode v0.3 (Single Linear Axis)");

            toy.position(0.5, 400).get(10, TimeUnit.SECONDS);
            osr.awaitTextEnding("L0500I400\n", WAIT);
            toy.position(0.25, 1000).get(10, TimeUnit.SECONDS);

            assertThat(osr.awaitTextEnding("L0250I1000\n", WAIT)).isEqualTo("L0500I400\nL0250I1000\n");
        }
    }

    @Test
    void aMalformedSerialOptionIsAClearErrorWithExitStatus2() {
        CliRun run = CliRun.of("serve", "--port", "0", "--serial", "/dev/ttyUSB0");
        assertThat(run.status()).as(run.printed()).isEqualTo(2);
        assertThat(run.printed()).contains("PORT=PROTOCOL");
    }

    @Test
    void helpNamesTheSerialOption() {
        StringWriter out = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--serial=PORT=PROTOCOL", "tcode-v03");
    }
}
