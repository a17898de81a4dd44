package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.btle.lovenseconnect.FakeLovenseApp;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
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

/** {@code serve --lovense-connect HOST:PORT}: a Nora in a local stand-in for the Lovense app, driven by our client. */
class ServeLovenseConnectTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void servesTheToysOfTheLovenseApp() throws Exception {
        try (FakeLovenseApp app = FakeLovenseApp.start()) {
            app.toys("{" + FakeLovenseApp.toy("c1", "nora", 1, 80) + "}");
            CommandLine.ParseResult parsed = Cli.commandLine().parseArgs("serve", "--port", "0",
                    "--lovense-connect", app.host().toString());
            ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
            ServeCommand.Running running = serve.start();
            BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
            ButtplugClient client = ButtplugClient.builder("lovense connect test client").build();
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
                assertThat(toy).as("the Nora in the app was found").isNotNull();
                assertThat(toy.name()).isEqualTo("Lovense Nora");

                toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
                assertThat(app.nextCommand(WAIT)).isEqualTo(
                        "{\"command\":\"Function\",\"action\":\"Vibrate1:10\",\"timeSec\":0,\"toy\":\"c1\",\"apiVer\":1}");
            } finally {
                client.disconnect();
                running.stop();
            }
        }
    }

    @Test
    void aMalformedAddressIsAClearErrorWithExitStatus2() {
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = cli.execute("serve", "--port", "0", "--lovense-connect", "20010");
        } finally {
            System.setErr(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8) + err;
        assertThat(status).as(printed).isEqualTo(2);
        assertThat(printed).contains("HOST:PORT");
    }
}
