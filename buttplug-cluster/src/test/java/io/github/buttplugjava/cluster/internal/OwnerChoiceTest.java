package io.github.buttplugjava.cluster.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a link goes once the lease is read; a stale read naming this node never runs a room without its lease. */
class OwnerChoiceTest {

    @Test
    void theLeaseHeldHereRunsTheRoomHere() {
        assertThat(OwnerChoice.of(true, true, true, false)).isEqualTo(OwnerChoice.HERE);
    }

    @Test
    void aLeaseReadNamingThisRunButLostHereSinceIsMovingNotRunHere() {
        // the read came from NATS before this node's renewal was refused and the room dropped:
        // running it again would make a room nobody renews or drops (owned twice, for ever)
        assertThat(OwnerChoice.of(true, true, false, false)).isEqualTo(OwnerChoice.MOVING);
    }

    @Test
    void aLeaseOfAnEarlierRunOfThisNodeIsMoving() {
        assertThat(OwnerChoice.of(false, true, false, false)).isEqualTo(OwnerChoice.MOVING);
    }

    @Test
    void anotherLiveNodeGetsTheLinkBridged() {
        assertThat(OwnerChoice.of(false, false, false, false)).isEqualTo(OwnerChoice.BRIDGE);
    }

    @Test
    void aSilentHolderRefusesUntilItsLeaseExpires() {
        assertThat(OwnerChoice.of(false, false, false, true)).isEqualTo(OwnerChoice.HOLDER_GONE);
    }
}
