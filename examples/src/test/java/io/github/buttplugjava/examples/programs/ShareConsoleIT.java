package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RoomController;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code buttplug share} run from the jar against a hub on 127.0.0.1: configuration mistakes end it
 * at once with the hub's reason and before any toy is touched; a hub that cannot be reached is
 * retried; per-toy grants and the console commands, on stdin and on a pseudo-terminal.
 */
class ShareConsoleIT {

    private static final String SHARE = "share-token-for-programs-0123456789";
    private static final String CONTROL = "control-token-for-programs-0123456789";

    private RemoteServer hub;
    private Room room;

    @BeforeEach
    void startHub() throws Exception {
        hub = RemoteServer.builder().host("127.0.0.1").port(0).build();
        room = hub.addRoom("programs", AccessToken.of(SHARE), AccessToken.of(CONTROL));
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private JarProcess share(String hubUrl, String token, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("share", "--hub", hubUrl, "--token", token, "--alias", "Alice",
                "--log-level", "info"));
        args.addAll(List.of(more));
        return JarProcess.start(args.toArray(String[]::new));
    }

    /** The simulated Bluetooth toys log this when the agent connects to them. */
    private static final String TOUCHED = "connecting to LVS";

    @Test
    void anUnknownPathEndsAtOnceWithTheHubsReasonAndTouchesNoToy() throws Exception {
        try (JarProcess p = share("ws://127.0.0.1:" + hub.port() + "/shar", SHARE, "--simulate", "lovense")) {
            assertThat(p.exitStatus()).isEqualTo(2);
            assertThat(p.err()).contains("buttplug share: the hub refused this agent", "unknown path; agents use /share")
                    .doesNotContain(TOUCHED);
        }
    }

    @Test
    void aWrongTokenEndsAtOnceAndTouchesNoToy() throws Exception {
        try (JarProcess p = share(hub.shareUri().toString(), "not-the-token-of-this-room-0123", "--simulate", "lovense")) {
            assertThat(p.exitStatus()).isEqualTo(2);
            assertThat(p.err()).contains("buttplug share: the hub refused this agent: unknown share token")
                    .doesNotContain(TOUCHED).doesNotContain("not-the-token");
        }
    }

    @Test
    void aHubThatCannotBeReachedIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (JarProcess p = share("ws://127.0.0.1:" + closedPort + "/share", SHARE, "--simulate", "lovense")) {
            // the waits are jittered (the upper half of a growing backoff): a first retry, then another
            int at = p.awaitOut("Not linked to the hub .*Trying again in \\d+ ms\\.");
            p.awaitOut("Not linked to the hub .*Trying again in \\d+ (ms|s)\\.", at);
            assertThat(p.alive()).isTrue();
            assertThat(p.err()).doesNotContain(TOUCHED);
        }
    }

    @Test
    void eachChosenToyGetsItsOwnGrantAndTheConsoleChangesThem() throws Exception {
        try (JarProcess p = share(hub.shareUri().toString(), SHARE, "--simulate", "lovense,wevibe",
                "--max", "vibrate=0.5", "--device", "Lovense Hush", "--expire", "30m", "--battery")) {
            p.awaitOut("Linked to the hub \\(room 'programs'\\): your toys are shared\\.");
            p.awaitOut("toy \\d found: Lovense Hush, shared: every output, vibrate up to 50 %; battery readable; expires in 30 min");
            p.awaitOut("toy \\d found: WeVibe 4 Plus, not shared \\(no --device for it\\)");
            ButtplugClient controller = ButtplugClient.builder("programs test").build();
            controller.connect(WebSocketConnector.to(hub.controlUri(room))).get(20, TimeUnit.SECONDS);
            try {
                awaitDevices(controller, d -> d.size() == 1 && d.get(0).name().contains("Lovense Hush"));
                p.type("list\n");
                int at = p.awaitOut("Lovense Hush  shared: every output, vibrate up to 50 %; battery readable; "
                        + "expires in 30 min, at (\\w{3} \\d{1,2} \\w{3} )?\\d\\d:\\d\\d");
                p.awaitOut("WeVibe 4 Plus  not shared", 0);
                p.type("pause \"Lovense Hush\"\n");
                at = p.awaitOut("Lovense Hush: paused: stopped and hidden", at);
                awaitDevices(controller, List::isEmpty);
                p.type("resume lovense\\ hush\n");
                at = p.awaitOut("Lovense Hush: resumed", at);
                awaitDevices(controller, d -> d.size() == 1);
                p.type("share WeVibe\\ 4\\ Plus\n");
                at = p.awaitOut("WeVibe 4 Plus: not chosen on the command line; not shared", at);
                p.type("panic\n");
                at = p.awaitOut("every toy stopped and unshared", at);
                awaitDevices(controller, List::isEmpty);
                p.type("frobnicate\n");
                p.awaitOut("error: unknown command 'frobnicate'; type 'help' for the list", at);
                p.type("quit\n");
                assertThat(p.exitStatus()).isZero();
            } finally {
                controller.disconnect();
            }
        }
    }

    @Test
    void itSaysWhenControllersJoinAndLeaveAndWhoDrivesEachToy() throws Exception {
        RoomController bob = room.addController("bob", AccessToken.generate(), ControllerCeiling.NONE);
        try (JarProcess p = share(hub.shareUri().toString(), SHARE, "--simulate", "lovense")) {
            int at = p.awaitOut("toy 0 found: Lovense Hush");
            ButtplugClient controller = ButtplugClient.builder("bob's app").build();
            controller.connect(WebSocketConnector.to(hub.controlUri(bob))).get(20, TimeUnit.SECONDS);
            try {
                at = p.awaitOut("controller 'bob' joined the room \\(1 there now\\)", at);
                awaitDevices(controller, d -> d.size() == 1);
                controller.devices().get(0).vibrate(0.5).get(20, TimeUnit.SECONDS);
                at = p.awaitOut("toy 0 Lovense Hush: driven by 'bob'", at);
                p.type("who\n");
                at = p.awaitOut("1 controller\\(s\\) in the room: 'bob'", at);
                at = p.awaitOut("  0  Lovense Hush  driven by 'bob'", at);
            } finally {
                controller.disconnect();
            }
            at = p.awaitOut("toy 0 Lovense Hush: nobody drives it", at);
            at = p.awaitOut("controller 'bob' left the room; what it set was stopped \\(0 there now\\)", at);
            p.type("who\n");
            at = p.awaitOut("no controller in the room", at);
            p.awaitOut("  0  Lovense Hush  nobody drives it", at);
            p.type("quit\n");
            assertThat(p.exitStatus()).isZero();
        }
    }

    @Test
    void withoutATerminalTheEndOfStdinKeepsSharing() throws Exception {
        try (JarProcess p = share(hub.shareUri().toString(), SHARE, "--simulate", "lovense")) {
            p.endInput();
            p.awaitOut("Linked to the hub");
            ButtplugClient controller = ButtplugClient.builder("programs test").build();
            controller.connect(WebSocketConnector.to(hub.controlUri(room))).get(20, TimeUnit.SECONDS);
            try {
                awaitDevices(controller, d -> d.size() == 1);
                assertThat(p.alive()).isTrue();
            } finally {
                controller.disconnect();
            }
        }
    }

    @Test
    void onATerminalItIsAConsole() throws Exception {
        assumeTrue(JarProcess.scriptAvailable(), "script(1) (util-linux) is not installed");
        try (JarProcess p = JarProcess.onPseudoTerminal("share", "--hub", hub.shareUri().toString(), "--token", SHARE,
                "--alias", "Alice", "--simulate", "lovense", "--expire", "2h")) {
            int at = p.awaitOut("toy 0 found: Lovense Hush, shared: every output; battery private; expires in 2 h");
            at = p.awaitOut("share> ", at);
            p.type("li\t\r");
            at = p.awaitOut("Lovense Hush  shared: every output; battery private; expires in 2 h, at (\\w{3} \\d{1,2} \\w{3} )?\\d\\d:\\d\\d", at);
            p.type("help pause\r");
            at = p.awaitOut("usage: pause \\[TOY\\]", at);
            p.type("pause Lov\t\r");
            at = p.awaitOut("Lovense Hush: paused", at);
            p.type("wh\t\r");
            at = p.awaitOut("no controller in the room", at);
            p.type("quit\r");
            assertThat(p.exitStatus()).as(p.out()).isZero();
        }
    }

    /** Waits (bounded poll) until the controller's device list satisfies {@code test}. */
    private static void awaitDevices(ButtplugClient controller, Predicate<List<ButtplugClientDevice>> test) throws Exception {
        long deadline = System.nanoTime() + JarProcess.WAIT.toNanos();
        while (!test.test(controller.devices())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the controller's devices stayed " + controller.devices());
            }
            Thread.sleep(20);
        }
    }
}
