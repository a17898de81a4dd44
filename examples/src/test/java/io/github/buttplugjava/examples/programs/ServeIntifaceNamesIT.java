package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buttplug serve} started with Intiface Engine's option names, as a script written for the
 * engine would, and driven by {@code buttplug control}: both jars as their own processes.
 */
class ServeIntifaceNamesIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (ws://127\\.0\\.0\\.1:\\d+/)");

    /** Denies the first simulated toy (the Lovense, at the simulator's first address). */
    private static final String DENY_THE_LOVENSE = """
            {"version":{"major":4,"minor":0},"user_configs":{"devices":[
              {"identifier":{"address":"5E:00:00:00:00:00","protocol":"lovense","identifier":"Z"},
               "config":{"id":"u1","base_id":"x","features":[],"user_config":{"deny":true}}}]}}
            """;

    @Test
    void anIntifaceEngineCommandLineRuns(@TempDir Path dir) throws Exception {
        Path userConfig = Files.writeString(dir.resolve("user-device-config.json"), DENY_THE_LOVENSE);
        try (JarProcess serve = JarProcess.start("serve", "--websocket-port", "0", "--server-name", "Engine Name",
                "--max-ping-time", "0", "--log", "info", "--use-serial", "--use-hid",
                "--user-device-config-file", userConfig.toString(), "--simulate", "lovense,wevibe")) {
            serve.awaitErr("listening on ws://");
            serve.awaitErr(java.util.regex.Pattern.quote("HID toys (Joy-Con)")); // --use-hid is --hid
            Matcher m = LISTENING.matcher(serve.err());
            assertThat(m.find()).isTrue();
            assertThat(serve.err()).contains("buttplug serve: --use-serial (an Intiface Engine option) is ignored")
                    .doesNotContain("--use-hid (an Intiface Engine option) is ignored");
            try (JarProcess control = JarProcess.start("control", "--url", m.group(1), "--scan-seconds", "2", "--exec", "list")) {
                assertThat(control.exitStatus()).as(control.err()).isZero();
                assertThat(control.out()).contains("Connected to 'Engine Name'", "WeVibe 4 Plus").doesNotContain("Lovense");
            }
        }
    }

    @Test
    void aDeviceConfigurationThatCannotBeReadIsAnOptionError(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("device-config.json"), "{not json");
        try (JarProcess serve = JarProcess.start("serve", "--websocket-port", "0", "--device-config-file", broken.toString(),
                "--simulate", "lovense")) {
            assertThat(serve.exitStatus()).isEqualTo(2);
            assertThat(serve.err()).startsWith("buttplug serve: --device-config-file " + broken + ": device configuration is not valid JSON")
                    .contains("see 'buttplug serve --help'");
        }
        try (JarProcess serve = JarProcess.start("serve", "--websocket-port", "0", "--user-device-config-file",
                dir.resolve("missing.json").toString(), "--simulate", "lovense")) {
            assertThat(serve.exitStatus()).isEqualTo(2);
            assertThat(serve.err()).contains("--user-device-config-file " + dir.resolve("missing.json") + ": cannot read it");
        }
    }

    @Test
    void serverVersionPrintsTheNumberAlone() throws Exception {
        try (JarProcess serve = JarProcess.start("serve", "--server-version")) {
            assertThat(serve.exitStatus()).isZero();
            assertThat(serve.out().strip()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    @Test
    void allInterfacesAndHostTogetherAreAnOptionError() throws Exception {
        try (JarProcess serve = JarProcess.start("serve", "--websocket-use-all-interfaces", "--host", "127.0.0.1")) {
            assertThat(serve.exitStatus()).isEqualTo(2);
            assertThat(serve.err()).contains("--websocket-use-all-interfaces and --host both say where to listen");
        }
    }
}
