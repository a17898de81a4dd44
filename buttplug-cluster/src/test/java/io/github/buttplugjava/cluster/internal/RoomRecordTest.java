package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
    void aRoomRefusesAtMostMaxRefusedAliasesAndARepeatCountsOnce() {
        List<String> full = java.util.stream.IntStream.range(0, RoomRecord.MAX_REFUSED).mapToObj(i -> "alias" + i).toList();
        RoomRecord atTheBound = record().withRefused(full);
        assertThat(atTheBound.refused()).hasSize(RoomRecord.MAX_REFUSED);
        assertThat(RoomRecord.decode(atTheBound.encode()).refused()).isEqualTo(atTheBound.refused());
        List<String> withARepeat = new java.util.ArrayList<>(full);
        withARepeat.add("alias0");
        assertThat(record().withRefused(withARepeat).refused()).hasSize(RoomRecord.MAX_REFUSED);
        List<String> past = new java.util.ArrayList<>(full);
        past.add("one more");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> record().withRefused(past))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + RoomRecord.MAX_REFUSED);
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
    void version2CarriesThePolicyAndEndTimesAndVersion1IsStillRead() {
        RoomRecord v2 = new RoomRecord("party", HASHER.hash("share-token-0123456789abcd"),
                io.github.buttplugjava.cluster.RoomPolicy.turns(Duration.ofSeconds(30)),
                List.of(new RoomRecord.ControllerEntry("guest", HASHER.hash("guest-token-0123456789abcd"),
                        ControllerCeiling.NONE.withValidFor(Duration.ofMinutes(1)), 1_000_000L)), List.of());
        String text = new String(v2.encode(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"v\":2", "\"policy\":{\"kind\":\"turns\",\"ms\":30000}", "\"expiresAtMs\":1000000");
        assertThat(RoomRecord.decode(v2.encode())).isEqualTo(v2);
        assertThat(v2.controllers().get(0).ceilingAt(1_000_000L - 400)).get()
                .extracting(c -> c.validFor()).isEqualTo(Duration.ofMillis(400));
        assertThat(v2.controllers().get(0).ceilingAt(1_000_000L)).as("its access has ended").isEmpty();

        String v1 = "{\"v\":1,\"name\":\"old\",\"share\":\"s\",\"controllers\":[{\"name\":\"controller\",\"token\":\"c\","
                + "\"maxLevel\":0.5,\"outputs\":[\"VIBRATE\"],\"validForMs\":60000}],\"invites\":[{\"alias\":\"Bob\",\"token\":\"i\"}]}";
        RoomRecord old = RoomRecord.decode(v1.getBytes(StandardCharsets.UTF_8));
        assertThat(old.policy()).isEqualTo(io.github.buttplugjava.cluster.RoomPolicy.shared());
        assertThat(old.controllers().get(0).expiresAtMs()).isZero();
        assertThat(old.controllers().get(0).ceilingAt(123)).get().extracting(c -> c.validFor())
                .as("a version 1 expiry counts from when the owner builds the room").isEqualTo(Duration.ofMinutes(1));
        assertThat(old.invites()).containsExactly(new RoomRecord.InviteEntry("Bob", "i"));
    }

    @Test
    void version3CarriesTheLegacyGrantAndARecordWithoutOneIsStillWrittenAsVersion2() {
        DeviceGrant legacy = DeviceGrant.none()
                .withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.4).withMinInterval(Duration.ofMillis(150)))
                .withOutput(OutputType.ROTATE, OutputGrant.upTo(0.25)).withInput(InputType.BATTERY)
                .withExpiry(Instant.ofEpochMilli(1_780_000_000_000L));
        RoomRecord r = record();
        RoomRecord v3 = new RoomRecord(r.name(), r.shareHash(), r.policy(), r.controllers(), r.invites(), legacy,
                List.of("Zoe", "Dana", "Zoe"));
        assertThat(v3.refused()).as("sorted, each once").containsExactly("Dana", "Zoe");
        String text = new String(v3.encode(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"v\":3", "\"legacy\":{\"outputs\":{\"VIBRATE\":{\"maxLevel\":0.4,\"minIntervalMs\":150}",
                "\"inputs\":[\"BATTERY\"]", "\"expiresAtMs\":1780000000000", "\"refused\":[\"Dana\",\"Zoe\"]");
        assertThat(RoomRecord.decode(v3.encode())).isEqualTo(v3);
        assertThat(RoomRecord.decode(v3.encode()).legacyGrant()).isEqualTo(legacy);
        assertThat(new String(record().withRefused(List.of("Dana")).encode(), StandardCharsets.UTF_8))
                .as("a refused alias alone makes it version 3").contains("\"v\":3").doesNotContain("legacy");

        assertThat(new String(record().encode(), StandardCharsets.UTF_8)).as("no legacy grant: readable by older nodes")
                .contains("\"v\":2").doesNotContain("legacy");
        assertThat(RoomRecord.decode(record().encode()).legacyGrant()).isNull();

        String bad = text.replace("\"maxLevel\":0.4", "\"maxLevel\":4.0");
        assertThatThrownBy(() -> RoomRecord.decode(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLevel");
        String unknown = text.replace("\"ROTATE\":{", "\"TELEPORT\":{");
        assertThatThrownBy(() -> RoomRecord.decode(unknown.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legacy grant names an unknown OutputType");
    }

    @Test
    void aRecordRefusesRepeatedNamesAndTokens() {
        String h = HASHER.hash("control-token-0123456789ab");
        assertThatThrownBy(() -> new RoomRecord("r", "s", List.of(new RoomRecord.ControllerEntry("a", h, ControllerCeiling.NONE),
                new RoomRecord.ControllerEntry("a", "x", ControllerCeiling.NONE)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new RoomRecord("r", h, List.of(new RoomRecord.ControllerEntry("a", h, ControllerCeiling.NONE)),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another token");
        assertThatThrownBy(() -> new RoomRecord("r", "s", List.of(new RoomRecord.ControllerEntry("a", h, ControllerCeiling.NONE)),
                List.of(new RoomRecord.InviteEntry("Bob", "s")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another token");
    }

    @Test
    void hashesDependOnTheSalt() {
        TokenHasher other = new TokenHasher("another-salt-here".getBytes(StandardCharsets.UTF_8));
        assertThat(other.hash("share-token-0123456789abcd")).isNotEqualTo(HASHER.hash("share-token-0123456789abcd"))
                .hasSize(64);
    }

    @Test
    void badRecordsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RoomRecord.decode("{\"v\":5}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 1 to 4");
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
