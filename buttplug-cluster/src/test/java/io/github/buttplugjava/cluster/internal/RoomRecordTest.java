package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored form of a room: hashes only, read back whole, bounded, and the index built from it. */
class RoomRecordTest {

    private static final TokenHasher HASHER = new TokenHasher("a-salt-of-sixteen+".getBytes(StandardCharsets.UTF_8));

    private static RoomRecord record() {
        return new RoomRecord("party", HASHER.hash("share-token-0123456789abcd"), List.of(
                new RoomRecord.ControllerEntry("controller", HASHER.hash("control-token-0123456789ab"), ControllerCeiling.NONE),
                new RoomRecord.ControllerEntry("guest", HASHER.hash("guest-token-0123456789abcd"),
                        new ControllerCeiling(EnumSet.of(OutputType.VIBRATE), 0.5, Duration.ofMinutes(30)))),
                List.of(new RoomRecord.InviteEntry("Bob", HASHER.hash("invite-token-0123456789abc"))));
    }

    @Test
    void aRecordIsStoredWithHashesOnlyAndReadBackWhole() {
        byte[] stored = record().encode();
        String text = new String(stored, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("share-token-", "control-token-", "guest-token-", "invite-token-");
        RoomRecord back = RoomRecord.decode(stored);
        assertThat(back).isEqualTo(record());
        assertThat(back.controllers().get(1).ceiling().expiry()).contains(Duration.ofMinutes(30));
    }

    @Test
    void hashesDependOnTheSalt() {
        TokenHasher other = new TokenHasher("another-salt-here".getBytes(StandardCharsets.UTF_8));
        assertThat(other.hash("share-token-0123456789abcd")).isNotEqualTo(HASHER.hash("share-token-0123456789abcd"))
                .hasSize(64);
    }

    @Test
    void badRecordsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RoomRecord.decode("{\"v\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 1");
        assertThatThrownBy(() -> RoomRecord.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RoomRecord.decode(new byte[RoomRecord.MAX_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than");
        assertThatThrownBy(() -> new RoomRecord("a.b", "h", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("room name");
        assertThatThrownBy(() -> new RoomRecord("ok", "h", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controllers");
    }

    @Test
    void theIndexFindsEachTokenAndForgetsTheOldOnesWhenARoomChanges() {
        RoomIndex index = new RoomIndex();
        index.put(record());
        assertThat(index.token(HASHER.hash("guest-token-0123456789abcd")))
                .contains(new TokenEntry("party", TokenKind.CONTROL, "guest"));
        assertThat(index.token(HASHER.hash("invite-token-0123456789abc")))
                .contains(new TokenEntry("party", TokenKind.INVITE, "Bob"));
        assertThat(index.token(HASHER.hash("share-token-0123456789abcd")))
                .contains(new TokenEntry("party", TokenKind.SHARE, ""));
        RoomRecord changed = new RoomRecord("party", HASHER.hash("new-share-token-0123456789"), record().controllers(), List.of());
        index.put(changed);
        assertThat(index.token(HASHER.hash("share-token-0123456789abcd"))).isEmpty();
        assertThat(index.token(HASHER.hash("invite-token-0123456789abc"))).isEmpty();
        index.remove("party");
        assertThat(index.token(HASHER.hash("control-token-0123456789ab"))).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void subjectsCarryTheLinkIdAndRefuseUnsafeClusterNames() {
        Subjects s = new Subjects("bp");
        assertThat(Subjects.linkOf(s.frame("n1", "n2-abc-7"))).isEqualTo("n2-abc-7");
        assertThat(Subjects.linkOf(s.close("n1", "n2-abc-7"))).isEqualTo("n2-abc-7");
        assertThat(s.framesTo("n1")).isEqualTo("bp.to.n1.*.f");
        assertThatThrownBy(() -> new Subjects("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Subjects("a>")).isInstanceOf(IllegalArgumentException.class);
    }
}
