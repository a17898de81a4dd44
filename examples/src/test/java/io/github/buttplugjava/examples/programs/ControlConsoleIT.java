package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code buttplug control} run from the jar against a Buttplug server on 127.0.0.1 (simulated toys):
 * {@code --exec}, commands on stdin, the link dropping, and the console on a pseudo-terminal
 * (prompt, completion, history, an event line that leaves the typed line whole).
 */
class ControlConsoleIT {

    /** JLine's prompt as it draws it: bracketed paste on, then "> ". */
    static final String PROMPT = "\\u001b\\[\\?2004h> ";

    private SimulatedDevices toys;
    private DeviceManager devices;
    private ButtplugWebSocketServer server;

    private String startServer(boolean toysPresent) throws Exception {
        return startServer(toysPresent, 0);
    }

    private String startServer(boolean toysPresent, int port) throws Exception {
        toys = SimulatedDevices.builder().add("lovense").presentAtStart(toysPresent).build();
        devices = DeviceManager.of(toys);
        server = ButtplugWebSocketServer.builder(ButtplugServer.builder(devices).name("test server").build())
                .host("127.0.0.1").port(port).start();
        return server.uri().toString();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
            devices.close();
        }
    }

    private SimulatedDevice toy() {
        return toys.devices().get(0);
    }

    @Test
    void execRunsTheCommandsAndLeavesWithZero() throws Exception {
        String url = startServer(true);
        try (JarProcess p = JarProcess.start("control", "--url", url, "--exec",
                "list; vibrate 0 0.5; battery \"Lovense Hush\"; help position; stopall")) {
            assertThat(p.exitStatus()).as(p.err()).isZero();
            assertThat(p.out()).contains("Connected to 'test server' (1 device(s)).",
                    "  0  Lovense Hush  outputs: vibrate 0..20  inputs: battery",
                    "0 Lovense Hush: vibrate 50 %",
                    "usage: position DEVICE POSITION [MS]",
                    "every device stopped");
            assertThat(p.out()).containsPattern("0 Lovense Hush: battery \\d+ %");
            assertThat(toy().outputs(0)).anySatisfy(o -> assertThat(o.value()).isEqualTo(10));
            assertThat(toy().outputValue(0, OutputType.VIBRATE)).isZero();
        }
    }

    @Test
    void withoutATerminalTheFirstBadCommandEndsTheRunWithOne() throws Exception {
        String url = startServer(true);
        try (JarProcess p = JarProcess.start("control", "--url", url, "--exec", "vibrate 0 x; vibrate 0 1")) {
            assertThat(p.exitStatus()).isEqualTo(1);
            assertThat(p.err()).contains("buttplug control: vibrate: LEVEL must be a number from 0 to 1, not 'x'");
            assertThat(toy().outputValue(0, OutputType.VIBRATE)).isZero();
        }
        try (JarProcess p = JarProcess.start("control", "--url", url, "--exec", "vibrate 0 0.5 extra")) {
            assertThat(p.exitStatus()).isEqualTo(1);
            assertThat(p.err()).contains("vibrate: too many arguments; usage: vibrate DEVICE LEVEL");
        }
        try (JarProcess p = JarProcess.start("control", "--url", url, "--exec", "rotate 0 0.5")) {
            assertThat(p.exitStatus()).isEqualTo(1);
            assertThat(p.err()).contains("0 Lovense Hush cannot rotate");
        }
    }

    @Test
    void commandsFromStdinUntilItEnds() throws Exception {
        String url = startServer(true);
        try (JarProcess p = JarProcess.start("control", "--url", url)) {
            p.type("vibrate 0 0.25\nread 0 battery\nstop Lovense\\ Hush\n").endInput();
            assertThat(p.exitStatus()).as(p.err()).isZero();
            assertThat(p.out()).contains("0 Lovense Hush: vibrate 25 %", "0 Lovense Hush: stopped")
                    .containsPattern("battery \\d+ %").doesNotContain("> ");
        }
    }

    @Test
    void anEmptyServerIsScannedOnConnecting() throws Exception {
        String url = startServer(false);
        try (JarProcess p = JarProcess.start("control", "--url", url, "--scan-seconds", "1", "--exec", "list")) {
            assertThat(p.exitStatus()).as(p.err()).isZero();
            assertThat(p.out()).contains("No devices yet: scanning for 1 s.", "+ device 0 Lovense Hush",
                    "  0  Lovense Hush");
        }
    }

    @Test
    void whenTheLinkDropsItSaysSoAndExitsOne() throws Exception {
        String url = startServer(true);
        try (JarProcess p = JarProcess.start("control", "--url", url)) {
            p.awaitOut("Connected to 'test server'");
            server.close();
            assertThat(p.exitStatus()).isEqualTo(1);
            assertThat(p.out()).contains("The link to the server closed");
        }
    }

    @Test
    void withReconnectItConnectsAgainAndResumesNothing() throws Exception {
        String url = startServer(true);
        int port = server.port();
        try (JarProcess p = JarProcess.start("control", "--url", url, "--reconnect")) {
            int at = p.awaitOut("Connected to 'test server'");
            p.type("vibrate 0 0.5\n");
            at = p.awaitOut("0 Lovense Hush: vibrate 50 %", at);
            server.close();
            devices.close();
            at = p.awaitOut("The link to the server closed.*Connecting again\\.", at);
            startServer(true, port);
            at = p.awaitOut("Connected again to 'test server' \\(1 device\\(s\\)\\); nothing that ran before is resumed\\.", at);
            assertThat(toy().outputValue(0, OutputType.VIBRATE)).as("a new server, nothing replayed").isZero();
            p.type("list\n");
            p.awaitOut("0  Lovense Hush", at);
            p.endInput();
            assertThat(p.exitStatus()).as(p.err()).isZero();
        }
    }

    @Test
    void onATerminalItIsAConsole() throws Exception {
        assumeTrue(JarProcess.scriptAvailable(), "script(1) (util-linux) is not installed");
        String url = startServer(true);
        try (JarProcess p = JarProcess.onPseudoTerminal("control", "--url", url)) {
            int at = p.awaitOut(Pattern.quote("Type 'help' for the commands"));
            at = p.awaitOut(PROMPT, at);
            p.type("li\t\r");                                      // Tab completes the command
            at = p.awaitOut(PROMPT, p.awaitOut("0  Lovense Hush  outputs: vibrate 0\\.\\.20", at));
            p.type("vibrate Lov\t0.5\r");                          // ... and the device name
            at = p.awaitOut(PROMPT, p.awaitOut("0 Lovense Hush: vibrate 50 %", at));
            p.type("vibrate 0 x\r");
            at = p.awaitOut(PROMPT, p.awaitOut("error: vibrate: LEVEL must be a number from 0 to 1, not 'x'", at));
            p.type("stopall\r");
            at = p.awaitOut(PROMPT, p.awaitOut("every device stopped", at));
            p.type("\u001b[A\r");                                   // Up (the ESC [ A form the issue saw echoed): the last line again
            at = p.awaitOut(PROMPT, p.awaitOut("stopall[\\s\\S]*every device stopped", at));
            p.type("vibr");                                        // half a line, then an event arrives
            p.awaitOut("vibr", at);
            toys.unplug(toy());
            // the event goes above the prompt, and the half-typed line is drawn again below it
            at = p.awaitOut("- device 0 Lovense Hush left[\\s\\S]*> vibr", at);
            p.type("\u0015quit\r");                                // Ctrl-U clears the line
            assertThat(p.exitStatus()).as(p.out()).isZero();
        }
    }
}
