package io.github.buttplugjava.remote.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A room holds at most {@link Room#MAX_CONTROLLERS} controllers; the next one is refused clearly. */
class RoomControllerCapTest {

    @Test
    void theControllerAfterTheCapIsRefusedAndTheRoomKeepsItsControllers() {
        try (RemoteServer hub = RemoteServer.builder().host("127.0.0.1").port(0).build()) {
            Room room = hub.addRoom("capped");
            for (int i = room.controllers().size(); i < Room.MAX_CONTROLLERS; i++) {
                room.addController("c" + i, ControllerCeiling.NONE);
            }
            assertThat(room.controllers()).hasSize(Room.MAX_CONTROLLERS);

            assertThatThrownBy(() -> room.addController("one too many", ControllerCeiling.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a room has at most " + Room.MAX_CONTROLLERS + " controllers");
            assertThat(room.controllers()).hasSize(Room.MAX_CONTROLLERS);
        }
    }
}
