package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code hub} and {@code share} options for buttplug-js 0.13 peers. */
class LegacyOptionsTest {

    private static final String SHARE = "share-token-for-tests-0123456789";
    private static final String CONTROL = "control-token-for-tests-0123456789";

    private static <T> T parse(Class<T> type, String... args) {
        CommandLine.ParseResult result = Cli.commandLine().parseArgs(args);
        return type.cast(result.subcommand().commandSpec().userObject());
    }

    @Test
    void hubLegacyOptionsBecomeTheLegacyGrantAndTheNameSeparator() throws Exception {
        HubCommand command = parse(HubCommand.class, "hub", "--port", "0", "--share-token", SHARE, "--control-token", CONTROL,
                "--legacy-allow", "vibrate,rotate", "--legacy-max", "vibrate=0.3", "--legacy-min-interval", "250ms",
                "--password-first", "--name-separator", " / ");
        try (RemoteServer hub = command.start()) {
            Room room = hub.room("default").orElseThrow();
            DeviceGrant legacy = room.legacyGrant();
            assertThat(legacy.outputs()).containsOnlyKeys(OutputType.VIBRATE, OutputType.ROTATE);
            assertThat(legacy.outputs().get(OutputType.VIBRATE)).isEqualTo(new OutputGrant(0.3, Duration.ofMillis(250)));
            assertThat(legacy.outputs().get(OutputType.ROTATE)).isEqualTo(new OutputGrant(0.5, Duration.ofMillis(250)));

            SimulatedDevices toys = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
            try (RemoteClient agent = RemoteClient.builder(hub.shareUri(), SHARE, "Alice", toys).build()) {
                agent.grants().shareAll(DeviceGrant.full()).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (room.devices().devices().isEmpty() && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll-until loop
                }
                assertThat(room.devices().devices()).singleElement()
                        .satisfies(d -> assertThat(d.deviceName()).isEqualTo("Alice / Lovense Hush"));
            }
        }
    }

    @Test
    void withoutLegacyGrantOptionsTheHubKeepsItsDefault() throws Exception {
        HubCommand command = parse(HubCommand.class, "hub", "--port", "0");
        try (RemoteServer hub = command.start()) {
            assertThat(hub.rooms().get(0).legacyGrant()).isEqualTo(RemoteServer.DEFAULT_LEGACY_GRANT);
        }
    }

    @Test
    void shareTakesExactlyOneKindOfHub() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int both;
        int neither;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            both = Cli.commandLine().execute("share", "--hub", "ws://127.0.0.1:1/share", "--legacy-hub",
                    "ws://127.0.0.1:1/forwarder", "--token", SHARE, "--alias", "A", "--simulate", "lovense");
            neither = Cli.commandLine().execute("share", "--alias", "A", "--simulate", "lovense");
        } finally {
            System.setErr(original);
        }
        assertThat(both).isEqualTo(2);
        assertThat(neither).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("either --hub URL or --legacy-hub URL");
    }

    @Test
    void aLegacyShareNeedsNoShareToken() {
        ShareCommand share = parse(ShareCommand.class, "share", "--legacy-hub", "ws://127.0.0.1:8080/forwarder",
                "--password", "sesame", "--alias", "Alice", "--simulate", "lovense", "--max-ping-ms", "2000");
        assertThat(share.legacyHub.toString()).endsWith("/forwarder");
        assertThat(share.password).isEqualTo("sesame");
        assertThat(share.token).isNull();
    }
}
