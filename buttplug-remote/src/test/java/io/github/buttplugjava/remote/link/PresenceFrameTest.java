package io.github.buttplugjava.remote.link;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The presence frame: its wire form, and what an agent reads from a hub it does not trust. */
class PresenceFrameTest {

    @Test
    void itIsAnObjectThatStartsWithItsPrefixAndNamesDriversByPosition() {
        PresenceFrame f = new PresenceFrame(List.of("alice", "bob"), Map.of(2, List.of("bob", "alice"), 0, List.of("alice"),
                5, List.of()));
        String wire = f.encode();
        assertThat(wire).isEqualTo("{\"Presence\":{\"Controllers\":[\"alice\",\"bob\"],\"Devices\":{\"0\":[0],\"2\":[1,0]}}}");
        assertThat(PresenceFrame.isPresence(wire)).isTrue();
        assertThat(PresenceFrame.isPresence("[{\"Ping\":{\"Id\":1}}]")).isFalse();
        assertThat(PresenceFrame.decode(wire)).isEqualTo(f);
    }

    @Test
    void namesAreCleanedAndCountsAndPositionsBounded() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            names.append(i == 0 ? "" : ",").append("\"c").append(i).append("\"");
        }
        String wire = "{\"Presence\":{\"Controllers\":[\"evil\\u0007\\u202Ename\"," + names + "],"
                + "\"Devices\":{\"0\":[0,0,99,-1,\"x\",1.5],\"-3\":[0],\"x\":[0],\"1\":\"no\",\"9999999999\":[0]}}}";
        PresenceFrame f = PresenceFrame.decode(wire);
        assertThat(f.controllers()).hasSize(PresenceFrame.MAX_CONTROLLERS);
        assertThat(f.controllers().get(0)).isEqualTo("evilname");
        assertThat(f.drivers()).containsOnlyKeys(0);
        assertThat(f.drivers().get(0)).containsExactly("evilname");
    }

    @Test
    void aLongOrMisshapenFrameIsRefused() {
        assertThatThrownBy(() -> PresenceFrame.decode("{\"Presence\":" + " ".repeat(PresenceFrame.MAX_FRAME_CHARS) + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> PresenceFrame.decode("{\"Presence\":{\"Controllers\":{}}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PresenceFrame.decode("{\"Presence\":"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}
