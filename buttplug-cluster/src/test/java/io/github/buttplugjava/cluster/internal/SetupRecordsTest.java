package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.cluster.RoomPolicy;
import io.github.buttplugjava.cluster.RoomSetup;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.link.AccessToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A room owner's setup as the cluster stores it: hashed, merged over the stored room, bounded. */
class SetupRecordsTest {

    private static final TokenHasher HASHER = new TokenHasher("a-salt-of-sixteen+".getBytes(StandardCharsets.UTF_8));
    private static final AccessToken SHARE = AccessToken.of("setup-share-token-0123456789");
    private static final AccessToken ALICE = AccessToken.of("setup-alice-token-0123456789");
    private static final AccessToken BOB = AccessToken.of("setup-bob-token-0123456789ab");

    private static RoomSetup room() {
        return RoomSetup.named("party").withShareToken(SHARE).withPolicy(RoomPolicy.turns(Duration.ofSeconds(20)))
                .withController("alice", ALICE, ControllerCeiling.NONE)
                .withController("bob", BOB, ControllerCeiling.NONE.withMaxLevel(0.3).withValidFor(Duration.ofHours(1)));
    }

    @Test
    void aNewRoomIsStoredHashedWithItsPolicyAndAnEndTimeForAnExpiry() {
        RoomRecord r = SetupRecords.fresh(room(), HASHER, 1_000);
        assertThat(r.shareHash()).isEqualTo(HASHER.hash(SHARE.reveal()));
        assertThat(r.policy()).isEqualTo(RoomPolicy.turns(Duration.ofSeconds(20)));
        assertThat(r.controllers()).extracting(RoomRecord.ControllerEntry::name).containsExactly("alice", "bob");
        assertThat(r.controllers().get(0).expiresAtMs()).isZero();
        assertThat(r.controllers().get(1).expiresAtMs()).isEqualTo(1_000 + 3_600_000);
        assertThatThrownBy(() -> SetupRecords.fresh(RoomSetup.named("x").withController("a", null, ControllerCeiling.NONE),
                HASHER, 0)).hasMessageContaining("give every token");
    }

    @Test
    void anUpdateKeepsTokensNotGivenAndEndTimesOfUnchangedExpiriesAndMakesTokensForNewEntries() {
        RoomRecord stored = SetupRecords.fresh(room(), HASHER, 1_000);
        RoomSetup change = RoomSetup.named("party")
                .withController("alice", null, ControllerCeiling.NONE.withMaxLevel(0.5))
                .withController("bob", null, ControllerCeiling.NONE.withMaxLevel(0.1).withValidFor(Duration.ofHours(1)))
                .withController("carol", null, ControllerCeiling.NONE)
                .withInvite("Dana", null);
        SetupRecords.Merged m = SetupRecords.merged(stored, change, HASHER, 50_000);
        assertThat(m.record().shareHash()).isEqualTo(stored.shareHash());
        assertThat(m.record().policy()).as("the setup's policy").isEqualTo(RoomPolicy.shared());
        assertThat(m.record().controllers().get(0).tokenHash()).isEqualTo(HASHER.hash(ALICE.reveal()));
        assertThat(m.record().controllers().get(1).expiresAtMs()).as("bob's expiry did not change").isEqualTo(3_601_000);
        assertThat(m.record().controllers().get(1).ceiling().maxLevel()).isEqualTo(0.1);
        assertThat(m.fresh().shareToken()).isNull();
        assertThat(m.fresh().controllers()).extracting(RoomSetup.Controller::token).element(0).isNull();
        AccessToken carol = m.fresh().controllers().get(2).token();
        assertThat(carol).isNotNull();
        assertThat(m.record().controllers().get(2).tokenHash()).isEqualTo(HASHER.hash(carol.reveal()));
        assertThat(m.fresh().invites().get(0).token()).isNotNull();
        assertThat(SetupRecords.merged(m.record(), change, HASHER, 90_000).record().controllers().subList(0, 2))
                .as("the same change again changes nothing").isEqualTo(m.record().controllers().subList(0, 2));
    }

    @Test
    void theLegacyGrantIsStoredAsGivenAndAnUpdateWithoutOneStoresNone() {
        DeviceGrant legacy = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.2));
        RoomRecord stored = SetupRecords.fresh(room().withLegacyGrant(legacy), HASHER, 0);
        assertThat(stored.legacyGrant()).isEqualTo(legacy);
        SetupRecords.Merged same = SetupRecords.merged(stored, room().withLegacyGrant(legacy), HASHER, 0);
        assertThat(same.record()).isEqualTo(stored);
        assertThat(same.fresh().legacyGrant()).isEqualTo(legacy);
        assertThat(SetupRecords.merged(stored, room(), HASHER, 0).record().legacyGrant())
                .as("left out: the owner hub's own legacy grant holds forwarders").isNull();
        RoomRecord refusing = stored.withRefused(List.of("Dana", "Eve"));
        assertThat(SetupRecords.merged(refusing, room().withInvite("Eve", null), HASHER, 0).record().refused())
                .as("an update keeps the refused aliases, but not one it invites").containsExactly("Dana");
    }

    @Test
    void aTokenOfAnotherRoomIsRefused() {
        RoomIndex index = new RoomIndex();
        index.put(SetupRecords.fresh(room(), HASHER, 0));
        RoomRecord other = SetupRecords.fresh(RoomSetup.named("other").withShareToken(AccessToken.of("other-share-token-0123456789"))
                .withController("x", BOB, ControllerCeiling.NONE), HASHER, 0);
        assertThatThrownBy(() -> SetupRecords.checkTokensFree(other, index)).hasMessageContaining("is a token of room party");
        SetupRecords.checkTokensFree(SetupRecords.fresh(room(), HASHER, 0), index); // its own tokens are free to it
        assertThatThrownBy(() -> RoomSetup.named("r").withController("a", null, ControllerCeiling.NONE)
                .withController("a", null, ControllerCeiling.NONE)).hasMessageContaining("given twice");
        assertThatThrownBy(() -> RoomSetup.named("r").withInvite("Bob\n", null)).hasMessageContaining("say hello with");
        assertThat(List.of(RoomPolicy.shared(), RoomPolicy.exclusive(Duration.ofMillis(5))))
                .extracting(RoomPolicy::toString).containsExactly("shared", "exclusive(5 ms)");
        assertThatThrownBy(() -> RoomPolicy.turns(Duration.ofDays(2))).hasMessageContaining("1 ms to 1 day");
    }
}
