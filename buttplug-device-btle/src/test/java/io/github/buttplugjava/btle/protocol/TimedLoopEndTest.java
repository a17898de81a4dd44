package io.github.buttplugjava.btle.protocol;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Handlers with a timed loop stop writing once their device is gone (no loop outlives a device). */
class TimedLoopEndTest {

    @Test
    void hgodStopsRepeatingItsSpeedOnceTheDeviceIsGone() throws Exception {
        RecordingIo io = new RecordingIo("HGOD");
        Hgod hgod = new Hgod();
        hgod.initialize(io, null).get(1, TimeUnit.SECONDS);
        hgod.vibrate(0, 5);
        assertThat(io.written.poll(2, TimeUnit.SECONDS)).as("a repeated speed frame").isNotNull();
        assertThat(io.written.poll(2, TimeUnit.SECONDS)).as("and another one").isNotNull();

        io.connected = false;
        // at most the frame already on its way; then nothing, though the speed is still 5
        io.written.poll(300, TimeUnit.MILLISECONDS);
        io.written.clear();
        assertThat(io.written.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }
}
