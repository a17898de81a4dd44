package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quick start is {@link QuickStart}, and it works against a {@code serve}-like server. */
class QuickStartTest {

    @Test
    void vibratesASimulatedToyOfAWebSocketServer() throws Exception {
        SimulatedDevices toys = SimulatedDevices.of("lovense", "wevibe");
        DeviceManager devices = new DeviceManager(List.of(toys));
        ButtplugServer buttplug = ButtplugServer.builder(devices).name("Quick Start Test").build();
        try (ButtplugWebSocketServer server = ButtplugWebSocketServer.builder(buttplug).port(0).start()) {
            QuickStart.main(new String[] {server.uri().toString()});

            List<SimulatedDevice> vibrated = toys.devices().stream()
                    .filter(toy -> toy.commands().stream().anyMatch(QuickStartTest::vibrateAboveZero))
                    .collect(Collectors.toList());
            assertThat(vibrated).as("toys that got a vibrate command above 0").hasSize(1);
            SimulatedDevice toy = vibrated.get(0);
            List<RecordedCommand> commands = toy.commands();
            RecordedCommand last = commands.get(commands.size() - 1);
            assertThat(last.kind() == RecordedCommand.Kind.STOP || last.output() != null && last.output().value() == 0)
                    .as("the toy is stopped at the end: %s", commands).isTrue();
        } finally {
            buttplug.close();
            devices.close();
        }
    }

    private static boolean vibrateAboveZero(RecordedCommand command) {
        return command.output() != null && command.output().type() == OutputType.VIBRATE && command.output().value() > 0;
    }

    @Test
    void theReadmeShowsQuickStartJavaAsItIs() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- quick-start: .*?-->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has a java block after <!-- quick-start: ... -->").isTrue();
        String source = Files.readString(root.resolve(
                "examples/src/main/java/io/github/buttplugjava/examples/QuickStart.java"), StandardCharsets.UTF_8);
        // the README shows the whole file except its package line
        String expected = source.replaceFirst("^package [^;]+;\\s*", "");
        assertThat(normalize(block.group(1))).isEqualTo(normalize(expected));
    }

    private static String normalize(String text) {
        return text.strip().replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n");
    }
}
