package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 7 (LIMITS.md "fairness"): a controller sends 10,000 OutputCmd/s (64 a frame, the per-frame
 * cap) to one honest agent's toy for 5 s. The honest agent is never closed (its link stays up, its
 * toy keeps its device index), the toy ends at the last value sent, and only the controller is
 * slowed or refused.
 */
class ControllerFloodFairnessTest {

    private static final int LAST = 7;

    @Test
    void aFloodingControllerNeverCostsTheHonestAgentItsLink() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub()) {
            SimulatedDevices alice = Rigs.sims("lovense");
            RemoteClient agent = hub.share(0, "Alice", alice, DeviceGrant.full());
            SimulatedDevice toy = alice.devices().get(0);
            AtomicInteger unlinkedSamples = new AtomicInteger();
            int index;
            try (PackedController c = PackedController.connect(hub.port(), hub.controlPath(0))) {
                c.handshake("flooder");
                index = c.awaitDevice("Alice", Duration.ofSeconds(5));
                int device = index;
                // 64 commands a frame every 6.4 ms = 10,000 commands/s, for 5 s (50,000 commands)
                try (Bounded flood = Bounded.start("flood", 782, Duration.ofSeconds(5), i -> {
                    StringBuilder f = new StringBuilder("[");
                    for (int k = 0; k < 64; k++) {
                        int value = 1 + (i * 64 + k) % 20;
                        f.append(k == 0 ? "" : ",").append(Wire.vibrate(c.nextId(), device, value == LAST ? 8 : value));
                    }
                    c.send(f.append(']').toString());
                    long next = System.nanoTime() + 6_400_000;
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    return true;
                });
                     Bounded watch = Bounded.start("watch-agent", 100_000, Duration.ofSeconds(30), i -> {
                         if (!agent.isLinked()) {
                             unlinkedSamples.incrementAndGet();
                         }
                         Bounded.sleep(20);
                         return true;
                     })) {
                    flood.join(Duration.ofSeconds(30)); // ends after its 5 s (a paused write ends when the hub reads again)
                    if (c.peer.isOpen()) {
                        c.send("[" + Wire.vibrate(c.nextId(), device, LAST) + "]");
                    }
                    assertThat(ServerProbe.await(() -> toy.outputValue(0, OutputType.VIBRATE) == LAST,
                            Duration.ofSeconds(15))).as("the toy ends at the last value sent (%d); it is at %d",
                            LAST, toy.outputValue(0, OutputType.VIBRATE)).isTrue();
                    watch.stopAndJoin(Duration.ofSeconds(1));
                }
                assertThat(unlinkedSamples.get()).as("samples in which the honest agent was not linked").isZero();
                assertThat(hub.room().agents()).as("agents in the room").contains("Alice");
                Map<String, Integer> list = c.peer.isOpen() ? c.deviceList() : Map.of();
                if (!list.isEmpty()) {
                    assertThat(list.values()).as("the toy keeps its device index").contains(index);
                }
            }
            // a control token drives from one connection at a time: the hub must have seen the
            // flooder leave (it may still be reading the flood's last frames) before the next one dials
            assertThat(ServerProbe.await(() -> !hub.room().hasController(), Duration.ofSeconds(15)))
                    .as("the hub saw the flooding controller leave").isTrue();
            try (PackedController next = PackedController.connect(hub.port(), hub.controlPath(0))) {
                assertThat(next.handshake("next")).as("the next controller's handshake").contains("ServerInfo");
                assertThat(next.awaitDevice("Alice", Duration.ofSeconds(5))).as("the toy's index").isEqualTo(index);
            }
        }
    }
}
