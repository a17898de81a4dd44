package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hub --control-token NAME:TOKEN:KEY=VALUE...} and {@code hub --room-config FILE}. */
class RoomConfigTest {

    private static final String C1 = "control-token-one-for-tests-0123456789";
    private static final String C2 = "control-token-two-for-tests-0123456789";

    @TempDir
    Path dir;

    private static HubCommand parse(String... args) {
        HubCommand command = new HubCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private Path file(String json) throws Exception {
        Path f = dir.resolve("rooms.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void theLongControlTokenNamesAControllerAndSetsItsCeiling() throws Exception {
        try (RemoteServer hub = parse("--port", "0", "--control-token", "host:" + C1,
                "--control-token", "bob:" + C2 + ":types=vibrate,rotate:max=30%:expires=1h",
                "--control-token", "guest::max=10").start()) {
            Room room = hub.room("default").orElseThrow();
            assertThat(room.controllers()).extracting(RoomController::name).containsExactly("host", "bob", "guest");
            assertThat(room.controllers().get(0).controlToken().reveal()).isEqualTo(C1);
            assertThat(room.controllers().get(0).ceiling()).isEqualTo(ControllerCeiling.NONE);
            ControllerCeiling bob = room.controllers().get(1).ceiling();
            assertThat(bob.outputs()).isEqualTo(Set.of(OutputType.VIBRATE, OutputType.ROTATE));
            assertThat(bob.maxLevel()).isEqualTo(0.3);
            assertThat(bob.expiry()).contains(Duration.ofHours(1));
            assertThat(room.controllers().get(2).ceiling().maxLevel()).isEqualTo(0.1);
            assertThat(room.controllers().get(2).controlToken().reveal()).isNotEqualTo(C1).isNotEqualTo(C2);
        }
    }

    @Test
    void badLongControlTokensAreOneLineErrorsNamingTheControllerAndTheKey() {
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", "bob:" + C1 + ":max=0").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "--control-token bob: max must be a whole percentage 1..100, not '0'");
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", "bob:" + C1 + ":types=buzz").start())
                .hasMessageStartingWith("--control-token bob: unknown output type(s) [buzz]; known: [vibrate, rotate");
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", "bob:" + C1 + ":colour=red").start())
                .hasMessage("--control-token bob: unknown key 'colour' (types, max, expires)");
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", ":" + C1).start())
                .hasMessageContaining("the NAME before the first ':' is empty");
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", "bob:" + C1 + ":expires=soon").start())
                .hasMessageContaining("--control-token bob: expires 'soon' is not a duration");
        assertThatThrownBy(() -> parse("--port", "0", "--control-token", "bob:" + C1, "--control-token", "bob:" + C2).start())
                .hasMessageContaining("a controller named bob exists");
    }

    @Test
    void aRoomConfigurationFileSetsUpEveryRoomWithInvitesControllersCeilingsAndPolicy() throws Exception {
        Path f = file("""
                {"rooms": [
                  {"name": "main", "shareToken": "share-token-main-for-tests-0123", "policy": "turns", "turn": "45s",
                   "invites": {"Alice": "share-token-alice-for-tests-0123"},
                   "controllers": [{"name": "host", "token": "%s"},
                                   {"name": "bob", "types": ["vibrate"], "max": 30, "expires": "2h"}]},
                  {"name": "side", "policy": "exclusive", "lease": "5s", "controllers": [{"max": 50}]}
                ]}""".formatted(C1));
        try (RemoteServer hub = parse("--port", "0", "--room-config", f.toString()).start()) {
            assertThat(hub.rooms()).extracting(Room::name).containsExactly("main", "side");
            Room main = hub.room("main").orElseThrow();
            assertThat(main.shareToken().reveal()).isEqualTo("share-token-main-for-tests-0123");
            assertThat(main.arbitration()).hasToString("turns(45000 ms)");
            assertThat(main.invites()).containsExactly("Alice");
            assertThat(main.controllers()).extracting(RoomController::name).containsExactly("host", "bob");
            assertThat(main.controlToken().reveal()).isEqualTo(C1);
            assertThat(main.controllers().get(1).ceiling())
                    .isEqualTo(new ControllerCeiling(Set.of(OutputType.VIBRATE), 0.3, Duration.ofHours(2)));
            Room side = hub.room("side").orElseThrow();
            assertThat(side.arbitration()).hasToString("exclusive(5000 ms)");
            assertThat(side.controllers()).extracting(RoomController::name).containsExactly(Room.FIRST_CONTROLLER);
            assertThat(side.controllers().get(0).ceiling().maxLevel()).isEqualTo(0.5);
        }
    }

    @Test
    void theExampleFileInTheRepositoryIsAValidConfiguration() throws Exception {
        Path example = Path.of("rooms.example.json");
        assertThat(example).exists();
        try (RemoteServer hub = parse("--port", "0", "--room-config", example.toString()).start()) {
            assertThat(hub.rooms()).extracting(Room::name).containsExactly("default", "quiet");
            assertThat(hub.room("default").orElseThrow().arbitration()).hasToString("turns(30000 ms)");
            assertThat(hub.room("default").orElseThrow().controllers()).extracting(RoomController::name)
                    .containsExactly("host", "bob", "guest");
        }
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFileAndThePlace() throws Exception {
        String at = "--room-config " + dir.resolve("rooms.json");
        assertThatThrownBy(() -> parse("--port", "0", "--room-config", file("{\"rooms\": [").toString()).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(at + ": not JSON (line");
        assertThatThrownBy(() -> parse("--port", "0", "--room-config", file("{\"rooms\": []}").toString()).start())
                .hasMessage(at + ": \"rooms\" must hold 1..64 rooms");
        assertThatThrownBy(() -> parse("--port", "0", "--room-config",
                file("{\"rooms\": [{\"name\": \"r\", \"controlers\": []}]}").toString()).start())
                .hasMessageStartingWith(at + ": rooms[0]: unknown key \"controlers\"");
        assertThatThrownBy(() -> parse("--port", "0", "--room-config",
                file("{\"rooms\": [{\"name\": \"r\", \"controllers\": [{\"name\": \"b\", \"max\": 300}]}]}").toString()).start())
                .hasMessage(at + ": rooms[0] (r): controllers[0] (b): max must be a whole percentage 1..100, not 300");
        assertThatThrownBy(() -> parse("--port", "0", "--room-config",
                file("{\"rooms\": [{\"name\": \"r\", \"policy\": \"votes\", \"controllers\": [{}]}]}").toString()).start())
                .hasMessage(at + ": rooms[0] (r): policy must be shared, exclusive or turns, not votes");
        assertThatThrownBy(() -> parse("--port", "0", "--room-config", dir.resolve("missing.json").toString()).start())
                .hasMessageContaining("missing.json: cannot read it");
    }

    @Test
    void theFileReplacesTheRoomOptionsAndSaysSo() throws Exception {
        Path f = file("{\"rooms\": [{\"name\": \"r\", \"controllers\": [{}]}]}");
        assertThatThrownBy(() -> parse("--port", "0", "--room-config", f.toString(), "--control-token", C1,
                "--policy", "turns").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--room-config sets up the rooms: leave out --control-token, --policy");
    }
}
