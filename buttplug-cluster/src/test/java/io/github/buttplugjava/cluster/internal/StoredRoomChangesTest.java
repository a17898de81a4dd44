package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored room's deletion reaches the node on the rooms watch's thread, which serves every room:
 * the lease is given up there at once, and its delete in NATS runs later, in order, on the leases'
 * own thread (here a virtual scheduler the test runs).
 */
class StoredRoomChangesTest {

    private final VirtualTime time = new VirtualTime();
    private NatsServer server;
    private Connection nats;
    private Leases leases;

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        nats = Nats.connect(new Options.Builder().server(server.url()).build());
        List<String> lost = new ArrayList<>();
        leases = Leases.open(nats, new Subjects("srct"), new LeaseHolder("n1", "run1"), Duration.ofSeconds(30),
                lost::add, time.scheduler());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{nats, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aDeletedRoomsLeaseIsGivenUpAtOnceAndDeletedInNatsOffTheWatchThread() throws Exception {
        assertThat(leases.acquire("r1")).isTrue();
        assertThat(leases.acquire("r2")).isTrue();
        StoredRoomChanges changes = new StoredRoomChanges(new OwnedRooms(new RoomIndex(), System::currentTimeMillis));
        changes.leases(leases);

        changes.deleted("r1");
        changes.deleted("r2");
        changes.deleted("never-held"); // nothing to give back: nothing handed on

        assertThat(leases.holds("r1")).isFalse();
        assertThat(leases.holds("r2")).isFalse();
        // nothing was asked of NATS on the calling (watch) thread: both leases are still stored
        assertThat(leases.holder("r1")).isPresent();
        assertThat(leases.holder("r2")).isPresent();
        assertThat(time.pending()).isEqualTo(3); // the renewal and the two deletes

        time.advance(Duration.ZERO); // the leases' thread runs the deletes, in order

        assertThat(leases.holder("r1")).isEmpty();
        assertThat(leases.holder("r2")).isEmpty();
        assertThat(time.pending()).isEqualTo(1); // only the renewal is left
        assertThat(leases.acquire("r1")).isTrue(); // the name is free for the next link
    }
}
