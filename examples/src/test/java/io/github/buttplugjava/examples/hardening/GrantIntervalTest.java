package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 11: a grant with a 100 ms minimum interval under a controller sending every 5 ms. At the
 * sim toy no two non-zero commands are closer than 100 ms; the interval is held latest-wins (the
 * last value sent reaches the toy), and a stop always passes at once.
 */
class GrantIntervalTest {

    @Test
    void theToyNeverSeesCommandsCloserThanTheGrantedIntervalAndStopsPass() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub()) {
            SimulatedDevices alice = Rigs.sims("lovense");
            hub.share(0, "Alice", alice, DeviceGrant.none().withOutput(OutputType.VIBRATE,
                    OutputGrant.FULL.withMinInterval(Duration.ofMillis(100))));
            SimulatedDevice toy = alice.devices().get(0);
            try (PackedController c = PackedController.connect(hub.port(), hub.controlPath(0))) {
                c.handshake("fast app");
                int index = c.awaitDevice("Alice", Duration.ofSeconds(5));
                int last = 0;
                long next = System.nanoTime();
                for (int i = 0; i < 600; i++) { // every 5 ms for 3 s
                    last = 1 + i % 20;
                    c.send("[" + Wire.vibrate(c.nextId(), index, last) + "]");
                    next += 5_000_000;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                int lastSent = last;
                assertThat(ServerProbe.await(() -> toy.outputValue(0, OutputType.VIBRATE) == lastSent, Duration.ofSeconds(1)))
                        .as("latest wins: the last value sent (%d) reaches the toy; it is at %d", lastSent,
                                toy.outputValue(0, OutputType.VIBRATE)).isTrue();
                Instant stopSent = Instant.now();
                c.send("[" + Wire.vibrate(c.nextId(), index, 0) + "]");
                RecordedCommand stop = toy.await(r -> !r.at().isBefore(stopSent) && (r.kind() == RecordedCommand.Kind.STOP
                        || (r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 0)), Duration.ofSeconds(2));
                assertThat(Duration.between(stopSent, stop.at())).as("stop passes").isLessThanOrEqualTo(Duration.ofSeconds(1));
            }
            List<Instant> nonZero = toy.commands().stream()
                    .filter(r -> r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() > 0)
                    .map(RecordedCommand::at).toList();
            assertThat(nonZero).hasSizeGreaterThan(1);
            Duration closest = Duration.ofDays(1);
            for (int i = 1; i < nonZero.size(); i++) {
                Duration gap = Duration.between(nonZero.get(i - 1), nonZero.get(i));
                closest = gap.compareTo(closest) < 0 ? gap : closest;
            }
            // 1 ms of slack for the clock's rounding between two Instant.now() calls
            assertThat(closest).as("closest two non-zero commands at the toy")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(99));
        }
    }
}
