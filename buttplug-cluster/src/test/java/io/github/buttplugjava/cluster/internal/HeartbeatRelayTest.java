package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.testsupport.SinkConnector;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hub heartbeats across the bridge, through a real nats-server: an owner beats the agent links
 * an entry node bridges to it with one message per tick, the entry node writes the heartbeat frame
 * to each of those sockets; only links the owner beat once as a frame are beaten, closed ones are
 * not, and an entry node that did not ask for the relay gets a frame per link as before. The
 * owner's tick is driven by the test (the hub's {@code Heartbeats} calls {@code send} the same
 * way), its clock is virtual.
 */
class HeartbeatRelayTest {

    private static final Subjects SUBJECTS = new Subjects("hr");

    private static final FrameListener HUB = new FrameListener() {
        @Override
        public void onFrame(String frame) {
        }

        @Override
        public void onClosed(Throwable cause) {
        }
    };

    private NatsServer server;
    private Connection entryNats;
    private Connection ownerNats;
    private Connection spy;
    private Bridges entryBridges;
    private Bridges ownerBridges;
    private BridgeSender entrySender;
    private BridgeSender ownerSender;
    private ScheduledExecutorService timers;
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger beatMessages = new AtomicInteger();
    private final AtomicInteger frameMessages = new AtomicInteger();
    private OwnerBeats ownerBeats;
    private int links;

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        ReaderTap entryTap = new ReaderTap();
        ReaderTap ownerTap = new ReaderTap();
        entryNats = Nats.connect(new Options.Builder().server(server.url()).readListener(entryTap).build());
        ownerNats = Nats.connect(new Options.Builder().server(server.url()).readListener(ownerTap).build());
        spy = Nats.connect(new Options.Builder().server(server.url()).build());
        Dispatcher d = spy.createDispatcher(m -> (m.getSubject().endsWith(".b") ? beatMessages : frameMessages).incrementAndGet());
        d.subscribe(SUBJECTS.beatsTo("n1"));
        d.subscribe(SUBJECTS.framesTo("n1"));
        entryBridges = new Bridges(entryNats, SUBJECTS, "n1", 64, entryTap);
        ownerBridges = new Bridges(ownerNats, SUBJECTS, "n2", 64, ownerTap);
        entrySender = new BridgeSender(entryNats, SUBJECTS, "n1");
        ownerSender = new BridgeSender(ownerNats, SUBJECTS, "n2");
        ownerBeats = new OwnerBeats(ownerSender::beat, clock::get);
        timers = Executors.newSingleThreadScheduledExecutor();
        for (Connection c : List.of(entryNats, ownerNats, spy)) {
            c.flush(Duration.ofSeconds(5)); // the subscriptions are in place at the server
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (timers != null) {
            timers.shutdownNow();
        }
        for (AutoCloseable c : new AutoCloseable[]{entryBridges, ownerBridges, entryNats, ownerNats, spy, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** One bridged agent link: its socket at the entry node, its end at the owner. */
    private record Link(SinkConnector socket, EntryEnd entry, OwnerEnd owner) {
    }

    private Link link(boolean relayed) throws Exception {
        String id = "n1-t-" + (++links);
        SinkConnector socket = new SinkConnector();
        EntryEnd entry = new EntryEnd(id, "n2", socket, true, entryBridges, entrySender, timers);
        assertThat(entryBridges.add(id, entry)).isTrue();
        OwnerEnd owner = new OwnerEnd(id, "n1", ownerBridges, ownerSender, relayed ? ownerBeats : null);
        assertThat(ownerBridges.add(id, owner)).isTrue();
        owner.connect(HUB).get(5, TimeUnit.SECONDS);
        entry.opened();
        return new Link(socket, entry, owner);
    }

    /** One tick of the owner hub's heartbeat: a beat to each of its links, then the period passes. */
    private void tick(List<Link> all) {
        for (Link l : all) {
            if (l.owner().isConnected()) {
                l.owner().send(Heartbeat.FRAME);
            }
        }
        clock.addAndGet(Heartbeat.PERIOD.toNanos());
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - until).as(what).isNegative();
            Thread.sleep(5);
        }
    }

    /** Everything published so far has been read by the spy and both nodes. */
    private void settle() throws Exception {
        ownerNats.flush(Duration.ofSeconds(5));
        entryNats.flush(Duration.ofSeconds(5));
        spy.flush(Duration.ofSeconds(5));
        ownerNats.flush(Duration.ofSeconds(5)); // a round trip after the publishes: the server has routed them
    }

    /** The spy saw exactly these many frame and beat messages to the entry node. */
    private void awaitMessages(int frames, int beats) throws Exception {
        awaitTrue(() -> frameMessages.get() >= frames && beatMessages.get() >= beats, "the messages reached the spy");
        settle();
        Thread.sleep(50); // the spy's dispatcher hands on what it read before the flush
        assertThat(frameMessages).hasValue(frames);
        assertThat(beatMessages).hasValue(beats);
    }

    @Test
    void afterEachLinksFirstBeatOneMessagePerTickBeatsEveryLink() throws Exception {
        List<Link> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(link(true));
        }
        tick(all); // the first beat of each link crosses as a frame: the entry node learns it beats
        awaitTrue(() -> all.stream().allMatch(l -> l.socket().count(Heartbeat.FRAME) == 1), "first beats as frames");
        awaitTrue(() -> entryBridges.relayed().size() == 5, "the entry node beats the five links");
        for (int t = 0; t < 3; t++) {
            tick(all);
        }
        awaitTrue(() -> all.stream().allMatch(l -> l.socket().count(Heartbeat.FRAME) == 4), "three relayed beats each");
        awaitMessages(5, 3);
    }

    @Test
    void aClosedLinkIsBeatenNoMoreAndTheOthersStillAre() throws Exception {
        List<Link> all = List.of(link(true), link(true));
        tick(all);
        awaitTrue(() -> entryBridges.relayed().size() == 2, "both links beat at the entry node");
        all.get(0).entry().onClosed(null); // the agent's socket dropped
        assertThat(entryBridges.relayed().size()).isEqualTo(1);
        awaitTrue(() -> !all.get(0).owner().isConnected(), "the owner heard of the close");
        tick(all);
        tick(all);
        awaitTrue(() -> all.get(1).socket().count(Heartbeat.FRAME) == 3, "the open link is beaten");
        settle();
        assertThat(all.get(0).socket().count(Heartbeat.FRAME)).isEqualTo(1);
    }

    @Test
    void anEntryNodeThatDidNotAskForTheRelayGetsAFramePerLinkAsBefore() throws Exception {
        List<Link> all = List.of(link(false), link(false));
        for (int t = 0; t < 3; t++) {
            tick(all);
        }
        awaitTrue(() -> all.stream().allMatch(l -> l.socket().count(Heartbeat.FRAME) == 3), "three beats each");
        awaitMessages(6, 0);
    }

    @Test
    void anOwnerTakenForGoneBeatsNothingHereAndItsLinksAreClosed() throws Exception {
        List<Link> all = List.of(link(true), link(true));
        tick(all);
        awaitTrue(() -> entryBridges.relayed().size() == 2, "both links beat at the entry node");
        assertThat(entryBridges.closePeer("n2", "the room's node is silent")).isEqualTo(2);
        assertThat(entryBridges.relayed().size()).isZero();
        // a late beat message from it finds nobody to beat
        ownerSender.beat("n1");
        settle();
        assertThat(all).allSatisfy(l -> {
            assertThat(l.socket().count(Heartbeat.FRAME)).isEqualTo(1);
            assertThat(l.socket().isConnected()).isFalse();
        });
    }

    @Test
    void aControllersLinkNeverJoinsTheBeats() throws Exception {
        SinkConnector socket = new SinkConnector();
        EntryEnd controller = new EntryEnd("n1-t-c", "n2", socket, false, entryBridges, entrySender, timers);
        assertThat(entryBridges.add("n1-t-c", controller)).isTrue();
        controller.opened();
        controller.fromPeer(Heartbeat.FRAME); // a frame that reads like a beat is passed on, nothing more
        assertThat(entryBridges.relayed().size()).isZero();
        assertThat(socket.sent()).containsExactly(Heartbeat.FRAME);
    }
}
