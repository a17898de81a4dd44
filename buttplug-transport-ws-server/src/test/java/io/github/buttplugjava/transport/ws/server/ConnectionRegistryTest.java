package io.github.buttplugjava.transport.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Who is shed when pending connections run over their caps: never the client mid-handshake. */
class ConnectionRegistryTest {

    private static final InetAddress SAME = InetAddress.getLoopbackAddress();

    private final AtomicLong now = new AtomicLong();
    private final ConnectionRegistry registry = new ConnectionRegistry(100, 100, 3, now::get);

    private Channel accept() {
        Channel c = new EmbeddedChannel();
        assertThat(registry.admit(c, SAME).admitted()).isTrue();
        return c;
    }

    private Channel shedByNext() {
        Channel c = new EmbeddedChannel();
        ConnectionRegistry.Verdict v = registry.admit(c, SAME);
        assertThat(v.admitted()).isTrue();
        assertThat(v.shed()).hasSize(1);
        return v.shed().get(0);
    }

    @Test
    void socketsThatSaidNothingGoBeforeAClientThatHasSpoken() {
        Channel silent1 = accept();
        accept();
        Channel honest = accept();
        registry.spoke(honest);
        now.addAndGet(ConnectionRegistry.YOUNG_NANOS);
        assertThat(shedByNext()).isSameAs(silent1);
        now.addAndGet(ConnectionRegistry.YOUNG_NANOS);
        assertThat(shedByNext()).isNotSameAs(honest);
    }

    @Test
    void aBurstFromOneAddressIsNotShedWhileItIsStillArriving() {
        Channel first = accept();
        accept();
        accept();
        // all young: the per-address cap waits until they are old enough to have spoken
        Channel fourth = new EmbeddedChannel();
        ConnectionRegistry.Verdict v = registry.admit(fourth, SAME);
        assertThat(v.admitted()).isTrue();
        assertThat(v.shed()).isEmpty();
        now.addAndGet(ConnectionRegistry.YOUNG_NANOS);
        assertThat(shedByNext()).isSameAs(first);
    }

    @Test
    void dribblersOverdueForTheirUpgradeGoBeforeAFreshSilentClient() {
        Channel dribbler1 = accept();
        Channel dribbler2 = accept();
        registry.spoke(dribbler1);
        registry.spoke(dribbler2);
        now.addAndGet(2 * ConnectionRegistry.GRACE_NANOS);
        Channel fresh = accept();
        assertThat(shedByNext()).isSameAs(dribbler1);
        assertThat(shedByNext()).isSameAs(dribbler2);
        assertThat(registry.pending()).isEqualTo(3);
        now.addAndGet(ConnectionRegistry.YOUNG_NANOS);
        assertThat(shedByNext()).as("no one overdue: the silent one is the first to go").isSameAs(fresh);
    }

    @Test
    void upgradedClientsWaitingForTheirFirstFrameGoLastOldestFirst() {
        Channel a = accept();
        Channel b = accept();
        Channel c = accept();
        for (Channel ch : new Channel[] {a, b, c}) {
            registry.spoke(ch);
            registry.upgraded(ch);
        }
        now.addAndGet(10 * ConnectionRegistry.GRACE_NANOS);
        assertThat(shedByNext()).isSameAs(a);
        registry.heard(b);
        assertThat(registry.pending()).isEqualTo(2);
    }

    @Test
    void atTheConnectionCapWithNothingPendingTheNewcomerIsRefused() {
        ConnectionRegistry small = new ConnectionRegistry(2, 10, 10, now::get);
        Channel a = new EmbeddedChannel();
        Channel b = new EmbeddedChannel();
        small.admit(a, SAME);
        small.admit(b, SAME);
        small.heard(a);
        small.heard(b);
        assertThat(small.admit(new EmbeddedChannel(), SAME).admitted()).isFalse();
        small.closed(a);
        assertThat(small.admit(new EmbeddedChannel(), SAME).admitted()).isTrue();
    }

    @Test
    void aClientWaitingAMomentForItsFirstFrameIsNotPushedOutByAFreshFlood() {
        Channel honest = accept();
        registry.spoke(honest);
        registry.upgraded(honest);
        now.addAndGet(ConnectionRegistry.GRACE_NANOS / 4);
        accept();
        accept();
        Channel flood = new EmbeddedChannel();
        ConnectionRegistry.Verdict v = registry.admit(flood, SAME);
        assertThat(v.admitted()).isTrue();
        assertThat(v.shed()).as("nobody has had time to show what it is").isEmpty();
    }

    @Test
    void atTheHardCapAFloodOfYoungSocketsShedsTheOldestSilentOneEvenPastAYoungClientThatSpoke() {
        ConnectionRegistry small = new ConnectionRegistry(100, 4, 100, now::get);
        Channel spoke = new EmbeddedChannel();
        small.admit(spoke, SAME);
        small.spoke(spoke);
        Channel silent = new EmbeddedChannel();
        small.admit(silent, SAME);
        small.admit(new EmbeddedChannel(), SAME);
        small.admit(new EmbeddedChannel(), SAME);

        ConnectionRegistry.Verdict v = small.admit(new EmbeddedChannel(), SAME); // all young: the walk stops early
        assertThat(v.shed()).containsExactly(silent);

        now.addAndGet(ConnectionRegistry.GRACE_NANOS + 1); // the first ones are now overdue for their upgrade
        Channel young = new EmbeddedChannel();
        assertThat(small.admit(young, SAME).shed()).containsExactly(spoke);
    }

    @Test
    void atTheHardCapAFloodOfYoungUpgradedSocketsNeverShedsTheClientMidHandshake() {
        ConnectionRegistry small = new ConnectionRegistry(100, 4, 100, now::get);
        Channel[] crowd = new Channel[3];
        for (int i = 0; i < crowd.length; i++) {
            crowd[i] = new EmbeddedChannel();
            small.admit(crowd[i], SAME);
            small.spoke(crowd[i]);
            small.upgraded(crowd[i]); // upgraded at once, then silent: all young
        }
        Channel honest = new EmbeddedChannel();
        small.admit(honest, SAME); // accepted, its request not read yet: the only silent one

        Channel next = new EmbeddedChannel();
        assertThat(small.admit(next, SAME).shed()).as("the flood's stage loses its oldest").containsExactly(crowd[0]);
        small.spoke(next);
        small.upgraded(next);
        small.spoke(honest); // now mid-upgrade: again the only one
        Channel another = new EmbeddedChannel();
        assertThat(small.admit(another, SAME).shed()).containsExactly(crowd[1]);
        small.upgraded(another);
        small.spoke(another);
        small.upgraded(honest); // upgraded: now the newest but one of the flood's stage
        assertThat(small.admit(new EmbeddedChannel(), SAME).shed()).containsExactly(crowd[2]);
        assertThat(small.admit(new EmbeddedChannel(), SAME).shed()).as("the oldest of the stage left")
                .containsExactly(honest);
    }
}
