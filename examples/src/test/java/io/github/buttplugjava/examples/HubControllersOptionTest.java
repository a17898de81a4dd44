package io.github.buttplugjava.examples;

import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hub --control-token ... --control-token ... / --controllers N / --policy}. */
class HubControllersOptionTest {

    private static final String C1 = "control-token-one-for-tests-0123456789";
    private static final String C2 = "control-token-two-for-tests-0123456789";

    private static HubCommand parse(String... args) {
        HubCommand command = new HubCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void eachControlTokenIsAControllerWithItsOwnUrlUnderTheChosenPolicy() throws Exception {
        try (RemoteServer hub = parse("--port", "0", "--control-token", C1, "--control-token", C2,
                "--policy", "exclusive", "--lease", "5s").start()) {
            Room room = hub.room("default").orElseThrow();
            assertThat(room.controllers()).extracting(RoomController::name).containsExactly("controller", "controller-2");
            assertThat(hub.controlUri(room.controllers().get(0)).toString()).endsWith("/control/" + C1);
            assertThat(hub.controlUri(room.controllers().get(1)).toString()).endsWith("/control/" + C2);
            assertThat(room.arbitration()).hasToString("exclusive(5000 ms)");
        }
    }

    @Test
    void turnsTakeTheirLengthFromTurn() throws Exception {
        try (RemoteServer hub = parse("--port", "0", "--control-token", C1, "--control-token", C2,
                "--policy", "turns", "--turn", "45s").start()) {
            assertThat(hub.room("default").orElseThrow().arbitration()).hasToString("turns(45000 ms)");
        }
        try (RemoteServer hub = parse("--port", "0", "--policy", "turns").start()) {
            assertThat(hub.room("default").orElseThrow().arbitration()).hasToString("turns(30000 ms)");
        }
        assertThatThrownBy(() -> parse("--port", "0", "--policy", "turns", "--turn", "0s").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("turn");
    }

    @Test
    void controllersWithoutATokenGetARandomOne() throws Exception {
        try (RemoteServer hub = parse("--port", "0", "--control-token", C1, "--controllers", "3").start()) {
            Room room = hub.room("default").orElseThrow();
            assertThat(room.controllers()).hasSize(3);
            assertThat(room.controllers()).extracting(c -> c.controlToken().reveal()).doesNotHaveDuplicates().contains(C1);
            assertThat(room.arbitration()).hasToString("shared");
        }
    }

    @Test
    void badCountsPoliciesAndRepeatedTokensAreRefused() {
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", C1, "--control-token", C2, "--controllers", "1").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--controllers");
        assertThatThrownBy(() -> parse("--port", "0", "--policy", "votes").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--policy");
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", C1, "--control-token", C1).start())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
