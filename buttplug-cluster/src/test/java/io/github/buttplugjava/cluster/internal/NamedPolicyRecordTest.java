package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.cluster.RoomPolicy;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.hub.ArbitrationPolicy;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An app's own arbitration rule in a cluster room: stored by name (format version 4 only when a
 * room uses one, so older nodes keep serving the others), made by the nodes that were given it, and
 * refused with the reason by a node that was not.
 */
class NamedPolicyRecordTest {

    private static final TokenHasher HASHER = new TokenHasher("a-salt-of-sixteen+".getBytes(StandardCharsets.UTF_8));

    private static RoomRecord room(RoomPolicy policy) {
        return new RoomRecord("party", HASHER.hash("share-token-0123456789abcd"), policy,
                List.of(new RoomRecord.ControllerEntry("controller", HASHER.hash("control-token-0123456789ab"),
                        ControllerCeiling.NONE)), List.of());
    }

    private static String text(RoomRecord r) {
        return new String(r.encode(), StandardCharsets.UTF_8);
    }

    /** Grants only "alice"; counts how many were made. */
    static final class AliceOnly implements ArbitrationPolicy {
        static final AtomicInteger MADE = new AtomicInteger();

        AliceOnly() {
            MADE.incrementAndGet();
        }

        @Override
        public Claim claim(String controller, String deviceId, String deviceName, long nowNanos) {
            return controller.equals("alice") ? Claim.grant() : Claim.refuse("only alice drives here");
        }

        @Override
        public void release(String controller, String deviceId) {
        }
    }

    @Test
    void aNamedPolicyIsStoredByNameInVersion4AndTheOthersKeepTheirOlderVersion() {
        RoomRecord named = room(RoomPolicy.named("alice-only"));
        assertThat(text(named)).contains("\"v\":4", "\"policy\":{\"kind\":\"named\",\"ms\":0,\"name\":\"alice-only\"}");
        assertThat(RoomRecord.decode(named.encode())).isEqualTo(named);
        assertThat(RoomRecord.decode(named.encode()).policy().name()).isEqualTo("alice-only");

        assertThat(text(room(RoomPolicy.turns(Duration.ofSeconds(5))))).contains("\"v\":2").doesNotContain("\"name\":\"alice");
        RoomRecord legacy = room(RoomPolicy.shared()).withLegacyGrant(DeviceGrant.none());
        assertThat(text(legacy)).contains("\"v\":3");
        RoomRecord namedWithLegacy = new RoomRecord(legacy.name(), legacy.shareHash(), RoomPolicy.named("x"),
                legacy.controllers(), legacy.invites(), legacy.legacyGrant());
        assertThat(text(namedWithLegacy)).as("the newest feature decides").contains("\"v\":4");
        assertThat(RoomRecord.decode(namedWithLegacy.encode())).isEqualTo(namedWithLegacy);
    }

    @Test
    void aNamedPolicyInAnOlderVersionOrWithABadNameIsRefused() {
        String v3 = text(room(RoomPolicy.named("alice-only"))).replace("\"v\":4", "\"v\":3");
        assertThatThrownBy(() -> RoomRecord.decode(v3.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named policy in a version 3 record");
        String badName = text(room(RoomPolicy.named("alice-only"))).replace("alice-only", "alice only!");
        assertThatThrownBy(() -> RoomRecord.decode(badName.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy name");
        String noName = text(room(RoomPolicy.named("alice-only"))).replace(",\"name\":\"alice-only\"", "");
        assertThatThrownBy(() -> RoomRecord.decode(noName.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks name");
        String v5 = text(room(RoomPolicy.shared())).replace("\"v\":2", "\"v\":5");
        assertThatThrownBy(() -> RoomRecord.decode(v5.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("a newer node wrote it?");
    }

    @Test
    void aNamedPolicyNeedsAUsableNameAndOnlyANodeMakesIt() {
        assertThatThrownBy(() -> RoomPolicy.named("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoomPolicy.named("x".repeat(RoomPolicy.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomPolicy(RoomPolicy.Kind.NAMED, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy name");
        assertThat(RoomPolicy.named("x".repeat(RoomPolicy.MAX_NAME_LENGTH)).name()).hasSize(RoomPolicy.MAX_NAME_LENGTH);
        assertThat(RoomPolicy.named("quiz.v2")).hasToString("named(quiz.v2)");
        assertThat(new RoomPolicy(RoomPolicy.Kind.TURNS, Duration.ofSeconds(1), "ignored").name()).isNull();
        assertThatThrownBy(() -> RoomPolicy.named("quiz").toPolicy()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"quiz\"");
    }

    @Test
    void aNodeMakesAFreshPolicyPerRoomFromTheRuleItWasGiven() {
        Map<String, Supplier<? extends ArbitrationPolicy>> given = Map.of("alice-only", AliceOnly::new);
        NodePolicies policies = new NodePolicies(given);
        int before = AliceOnly.MADE.get();
        ArbitrationPolicy one = policies.build("party", RoomPolicy.named("alice-only"));
        ArbitrationPolicy two = policies.build("other", RoomPolicy.named("alice-only"));
        assertThat(one).isInstanceOf(AliceOnly.class).isNotSameAs(two);
        assertThat(AliceOnly.MADE.get() - before).isEqualTo(2);
        assertThat(one.claim("alice", "d", "Toy", 0).granted()).isTrue();
        assertThat(policies.build("party", RoomPolicy.exclusive(Duration.ofSeconds(3)))).hasToString("exclusive(3000 ms)");
    }

    @Test
    void aNodeWithoutTheRuleRefusesEveryClaimAndSaysWhy() {
        ArbitrationPolicy missing = NodePolicies.builtIn().build("party", RoomPolicy.named("alice-only"));
        ArbitrationPolicy.Claim claim = missing.claim("alice", "d", "Toy", 0);
        assertThat(claim.granted()).isFalse();
        assertThat(claim.refusal()).isEqualTo("the policy \"alice-only\" of this room is not installed on the hub node that runs it");
        assertThat(missing).hasToString("named(alice-only), missing on this node");

        NodePolicies broken = new NodePolicies(Map.of("alice-only", () -> {
            throw new IllegalStateException("boom");
        }, "nothing", () -> null));
        assertThat(broken.build("party", RoomPolicy.named("alice-only")).claim("alice", "d", "Toy", 0).refusal())
                .contains("could not be made");
        assertThat(broken.build("party", RoomPolicy.named("nothing")).claim("alice", "d", "Toy", 0).refusal())
                .contains("could not be made");
    }
}
