package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.testing.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-person share tokens bound to an alias, and revoking sharers, with the real hub over WebSockets. */
class InviteTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final String ALICE_INVITE = "invite-token-of-alice-0123456789";

    private HubFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new HubFixture();
        f.room.invite("Alice", AccessToken.of(ALICE_INVITE));
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private RemoteClient agent(String token, String alias, SimulatedDevices toys) throws Exception {
        RemoteClient agent = RemoteClient.builder(f.hub.shareUri(), token, alias, toys)
                .backoff(Duration.ofMillis(200), Duration.ofMillis(400)).build();
        agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
        return agent;
    }

    @Test
    void anInvitedSharerJoinsWithTheirOwnTokenUnderTheirAlias() throws Exception {
        try (RemoteClient alice = agent(ALICE_INVITE, "Alice", HubFixture.sims("lovense"))) {
            alice.start().get(5, TimeUnit.SECONDS);
            f.awaitRoomDevices(1);
            assertThat(f.room.agents()).containsExactly("Alice");
            assertThat(f.room.invites()).containsExactly("Alice");
        }
    }

    @Test
    void nobodyElseCanShareAsTheInvitedAliasAndTheInviteOpensNoOtherAlias() throws Exception {
        for (String squatter : new String[] {"Alice", "ALICE", "\u0410lice"}) {
            try (RemoteClient open = agent(HubFixture.SHARE, squatter, HubFixture.sims("lovense"))) {
                assertThatThrownBy(() -> open.start().get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ButtplugHandshakeException.class)
                        .hasMessageContaining("kept for an invited sharer");
            }
        }
        try (RemoteClient mallory = agent(ALICE_INVITE, "Mallory", HubFixture.sims("lovense"))) {
            assertThatThrownBy(() -> mallory.start().get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ButtplugHandshakeException.class)
                    .hasMessageContaining("this invite is for another alias");
        }
        assertThat(f.room.agents()).isEmpty();
    }

    @Test
    void aRevokedSharerLeavesTheirToysStopAndNeitherTokenLetsThemBackIn() throws Exception {
        SimulatedDevices toys = HubFixture.sims("lovense");
        try (RemoteClient alice = agent(ALICE_INVITE, "Alice", toys)) {
            alice.start().get(5, TimeUnit.SECONDS);
            f.awaitRoomDevices(1);
            HubFixture.Controller c = f.controller();
            c.device("Alice - Lovense Hush").vibrate(1.0).get(2, TimeUnit.SECONDS);
            SimulatedDevice toy = toys.devices().get(0);
            toy.awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(2));

            assertThat(f.room.revokeSharer("Alice")).isTrue();
            toy.awaitStop(Duration.ofSeconds(2));
            awaitNoDevices();
            assertThat(f.room.invites()).isEmpty();
        }
        for (String token : new String[] {ALICE_INVITE, HubFixture.SHARE}) {
            try (RemoteClient again = agent(token, "Alice", HubFixture.sims("lovense"))) {
                assertThatThrownBy(() -> again.start().get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ButtplugHandshakeException.class);
            }
        }
        assertThat(f.room.revokeSharer("Nobody")).isFalse();
    }

    @Test
    void anInviteTokenMustBeFreeInTheHubAndAnAliasInvitedOnce() {
        assertThatThrownBy(() -> f.room.invite("Bob", AccessToken.of(HubFixture.SHARE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.room.invite("Bob", AccessToken.of(HubFixture.CONTROL))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.room.invite("ALICE", AccessToken.generate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.room.invite("Bob\u0007", AccessToken.generate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.room.addController("x", AccessToken.of(ALICE_INVITE), ControllerCeiling.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void awaitNoDevices() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!f.room.devices().devices().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the revoked sharer's devices are still in the room");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll-until loop
        }
    }
}
