package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedSerialDevice;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --serial PORT=PROTOCOL}: a scripted OSR on a pseudo-terminal, driven by our client over WebSocket. */
class ServeSerialTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void servesAScriptedOsrOnAPseudoTerminal() throws Exception {
        try (PtyPair pty = PtyPair.start(); ScriptedSerialDevice osr = ScriptedSerialDevice.open(pty.scriptPort())) {
            CommandLine.ParseResult parsed = Cli.commandLine().parseArgs("serve", "--port", "0",
                    "--serial", pty.devicePort() + "=tcode-v03");
            ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
            ServeCommand.Running running = serve.start();
            BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
            ButtplugClient client = ButtplugClient.builder("serial test client").build();
            client.addListener(new ButtplugClientListener() {
                @Override
                public void deviceAdded(ButtplugClientDevice device) {
                    added.add(device);
                }
            });
            try {
                client.connect(WebSocketConnector.to(running.server.uri())).get(10, TimeUnit.SECONDS);
                client.startScanning().get(10, TimeUnit.SECONDS);
                ButtplugClientDevice toy = added.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(toy).as("the OSR on the pseudo-terminal was found").isNotNull();
                assertThat(toy.name()).isEqualTo("TCode v0.3 (Single Linear Axis)");

                toy.position(0.5, 400).get(10, TimeUnit.SECONDS);
                osr.awaitTextEnding("L0500I400\n", WAIT);
                toy.position(0.25, 1000).get(10, TimeUnit.SECONDS);

                assertThat(osr.awaitTextEnding("L0250I1000\n", WAIT)).isEqualTo("L0500I400\nL0250I1000\n");
            } finally {
                client.disconnect();
                running.stop();
            }
        }
    }

    @Test
    void aMalformedSerialOptionIsAClearErrorWithExitStatus2() {
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = cli.execute("serve", "--port", "0", "--serial", "/dev/ttyUSB0");
        } finally {
            System.setErr(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8) + err;
        assertThat(status).as(printed).isEqualTo(2);
        assertThat(printed).contains("PORT=PROTOCOL");
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
