package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 1 (LIMITS.md "stop first"): a controller packs each frame with ~12,000 Pings and one
 * non-zero OutputCmd, keeps sending for a while, then its socket is cut without a close frame.
 * Whatever it still had queued, the toy gets no non-zero command after the cut and is at 0 within
 * 1 s of it (asserted on the sim toy's recorded timestamps).
 */
class StopFirstTest {

    /** 12,000 Pings with 4-digit Ids: about 252 KB a frame, under every frame-size bound. */
    private static final int PINGS = 12_000;
    private static final Duration FLOOD = Duration.ofSeconds(2);

    @Test
    void hubControllerCutAfterPackedFramesStopsTheToyWithinOneSecond() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub()) {
            SimulatedDevices alice = Rigs.sims("lovense");
            hub.share(0, "Alice", alice, DeviceGrant.full());
            try (PackedController c = PackedController.connect(hub.port(), hub.controlPath(0))) {
                c.handshake("packer");
                int index = c.awaitDevice("Alice", Duration.ofSeconds(5));
                floodThenCutAndCheck(c, index, alice.devices().get(0));
            }
        }
    }

    @Test
    void serveClientCutAfterPackedFramesStopsTheToyWithinOneSecond() throws Exception {
        try (Rigs.Serve serve = new Rigs.Serve("lovense")) {
            try (PackedController c = PackedController.connect(serve.port(), "/")) {
                c.handshake("packer");
                int index = c.awaitDevice("", Duration.ofSeconds(5));
                floodThenCutAndCheck(c, index, serve.toy());
            }
        }
    }

    private static void floodThenCutAndCheck(PackedController c, int index, SimulatedDevice toy) throws Exception {
        c.send("[" + Wire.vibrate(c.nextId(), index, 10) + "]");
        toy.awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(5));
        Instant cut;
        try (Bounded sender = Bounded.start("packed-sender", 1_000, FLOOD.plusSeconds(5), i -> {
            c.send(PackedController.pingsThenVibrate(PINGS, index, 1 + i % 20, c.nextId()));
            return true;
        })) {
            Thread.sleep(FLOOD.toMillis());
            cut = Instant.now();
            c.kill(); // RST, no close frame; unblocks a sender stuck in a write
            sender.stopAndJoin(Duration.ofSeconds(5));
        }
        // the toy is at 0 within 1 s of the cut ...
        RecordedCommand zero = toy.await(r -> !r.at().isBefore(cut) && (r.kind() == RecordedCommand.Kind.STOP
                || (r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 0)), Duration.ofSeconds(3));
        assertThat(Duration.between(cut, zero.at())).as("cut to stop").isLessThanOrEqualTo(Duration.ofSeconds(1));
        // ... and, watched for 3 s more, never gets a non-zero command after the cut
        Thread.sleep(3000);
        List<RecordedCommand> late = toy.commands().stream()
                .filter(r -> r.at().isAfter(cut) && r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() > 0)
                .toList();
        assertThat(late).as("non-zero commands that reached the toy after the cut").isEmpty();
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }
}
