package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lease renewal against a real {@code nats-server}: a renewal that was refused because an earlier
 * one landed after its request timed out keeps the room (the lease still names this node); a lease
 * that names another node loses it.
 */
class LeasesRenewalTest {

    private static final Duration TTL = Duration.ofMillis(900); // renewed every 300 ms

    private NatsServer server;
    private Connection nats;
    private ScheduledExecutorService timers;
    private Leases leases;
    private KeyValue bucket;
    private final LeaseHolder me = new LeaseHolder("n1", "run-1");
    private final List<String> lost = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        nats = Nats.connect(server.url());
        timers = Executors.newSingleThreadScheduledExecutor();
        Subjects subjects = new Subjects("leasetest");
        leases = Leases.open(nats, subjects, me, TTL, lost::add, timers);
        bucket = nats.keyValue(subjects.leasesBucket());
    }

    @AfterEach
    void stop() throws Exception {
        if (leases != null) {
            leases.close();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        if (nats != null) {
            nats.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Waits (bounded) for {@code done}; the lease's own renewals move it on. */
    private static boolean within(Duration limit, BooleanSupplier done) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // bounded poll-until loop
        }
        return done.getAsBoolean();
    }

    private long revision() {
        try {
            return bucket.get("room").getRevision();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void aRenewalThatLandedAfterItsTimeoutDoesNotLoseTheRoom() throws Exception {
        assertThat(leases.acquire("room")).isTrue();
        // what a renewal whose answer came after its request timeout leaves behind: the lease
        // still names this node in this run, at a revision this node never heard of
        long landed = bucket.put("room", me.encode());
        assertThat(within(Duration.ofSeconds(5), () -> revision() > landed + 1))
                .as("renewed twice more after the landed write").isTrue();
        assertThat(lost).isEmpty();
        assertThat(leases.holds("room")).isTrue();
        assertThat(LeaseHolder.decode(bucket.get("room").getValue())).isEqualTo(me);
    }

    @Test
    void aLeaseThatNamesAnotherNodeLosesTheRoomHere() throws Exception {
        assertThat(leases.acquire("room")).isTrue();
        bucket.put("room", new LeaseHolder("n2", "run-9").encode());
        assertThat(within(Duration.ofSeconds(5), () -> lost.contains("room"))).isTrue();
        assertThat(leases.holds("room")).isFalse();
        assertThat(LeaseHolder.decode(bucket.get("room").getValue()).node()).isEqualTo("n2");
    }

    @Test
    void anExpiredLeaseIsTakenAgain() throws Exception {
        assertThat(leases.acquire("room")).isTrue();
        bucket.delete("room");
        assertThat(within(Duration.ofSeconds(5), () -> {
            try {
                var e = bucket.get("room");
                return e != null && e.getValue() != null && LeaseHolder.decode(e.getValue()).equals(me);
            } catch (Exception ex) {
                return false;
            }
        })).isTrue();
        assertThat(lost).isEmpty();
        assertThat(leases.holds("room")).isTrue();
    }
}
