package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.testsupport.WsPeer;

import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 2: a controller packs frames at a steady rate, and another client never reads its socket
 * while replies pile up for it. The server's heap after GC stays under baseline + 128 MB, the
 * non-reader is closed (unsent bytes bound, 4 MiB), and an honest client meanwhile handshakes and
 * commands a toy, again and again.
 *
 * <p>Scaled: 10 s of attack (the attack run goes on for 60 s).
 */
class UnreadAndPackedTest {

    private static final long HEAP_BOUND = 128L << 20;
    private static final Duration ATTACK = Duration.ofSeconds(10);

    @Test
    void hubBoundsAPackerAndANonReaderWhileAnHonestControllerWorks() throws Exception {
        // one controller per room: the packer, the non-reader and the honest controller get a room each
        try (Rigs.Hub hub = new Rigs.Hub(3)) {
            SimulatedDevices alice = Rigs.sims("lovense");
            hub.share(0, "Alice", alice, DeviceGrant.full());
            hub.share(1, "Bob", Rigs.sims("lovense", "lovense", "lovense"), DeviceGrant.full());
            SimulatedDevices carol = Rigs.sims("lovense");
            hub.share(2, "Carol", carol, DeviceGrant.full());
            attack(hub.port(), hub.controlPath(0), hub.controlPath(1), "Alice",
                    () -> hub.honestRoundTrip(2, "Carol", carol.devices().get(0), 0.5));
        }
    }

    @Test
    void serveBoundsAPackerAndANonReaderWhileAnHonestClientWorks() throws Exception {
        try (Rigs.Serve serve = new Rigs.Serve("lovense", "lovense", "lovense")) {
            attack(serve.port(), "/", "/", "", () -> serve.honestRoundTrip(0.5));
        }
    }

    interface RoundTrip {
        long run() throws Exception;
    }

    private static void attack(int port, String packerPath, String readerPath, String packerDevice, RoundTrip honest)
            throws Exception {
        honest.run(); // warm up, so the baseline holds the honest path's own classes and pools
        long baseline = ServerProbe.heapAfterGc();
        try (PackedController packer = PackedController.connect(port, packerPath);
             PackedController reader = PackedController.connect(port, readerPath,
                     WsPeer.Options.polite().neverRead().receiveBuffer(4096))) {
            packer.handshake("packer");
            int index = packer.awaitDevice(packerDevice, Duration.ofSeconds(5));
            // the non-reader: 64 RequestDeviceList a frame, 10 frames a second (under the message
            // rate), each answered with the whole device list, none of it ever read
            reader.send("[" + Wire.requestServerInfo(1, "never reads") + "]");
            StringBuilder frame = new StringBuilder("[");
            for (int i = 0; i < 64; i++) {
                frame.append(i == 0 ? "" : ",").append(Wire.requestDeviceList(10 + i));
            }
            String lists = frame.append(']').toString();
            List<Long> honestMs = new ArrayList<>();
            long peakHeap = baseline;
            try (Bounded packing = Bounded.start("packer", 10_000, ATTACK, i -> {
                packer.send(PackedController.pingsThenVibrate(12_000, index, 1 + i % 20, packer.nextId()));
                Thread.sleep(50);
                return true;
            });
                 Bounded unread = Bounded.start("non-reader", 10_000, ATTACK, i -> {
                     reader.send(lists);
                     Thread.sleep(100);
                     return true;
                 })) {
                long end = System.nanoTime() + ATTACK.toNanos();
                for (int i = 0; i < 20 && System.nanoTime() < end; i++) {
                    honestMs.add(honest.run());
                    peakHeap = Math.max(peakHeap, ServerProbe.heapAfterGc());
                    Thread.sleep(500);
                }
                packer.kill();
                packing.stopAndJoin(Duration.ofSeconds(5));
                unread.stopAndJoin(Duration.ofSeconds(1));
            }
            peakHeap = Math.max(peakHeap, ServerProbe.heapAfterGc());
            assertThat(honestMs).as("honest round trips (ms) during the attack").isNotEmpty();
            assertThat(peakHeap - baseline).as("heap growth after GC during the attack (bytes)").isLessThan(HEAP_BOUND);
            assertThat(reader.peer.drainUntilServerCloses(Duration.ofSeconds(10), 1L << 30))
                    .as("the server closed the client that never reads").isTrue();
        }
    }
}
