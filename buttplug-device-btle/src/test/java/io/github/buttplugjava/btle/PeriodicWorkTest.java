package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.ProtocolDefinition;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.btle.sim.SimulatedAdapter;
import io.github.buttplugjava.btle.sim.SimulatedPeripheral;
import io.github.buttplugjava.btle.sim.SimulatedToy;
import io.github.buttplugjava.btle.sim.ToyBehaviour;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periodic handler work (a speed the toy needs repeated, a keepalive) runs on the device layer's
 * scheduler, here a manual one: ticks happen only when the test moves time, and end when the
 * device disconnects or its source closes. No sleeps, no wall clock.
 */
class PeriodicWorkTest {

    private static final HexFormat HEX = HexFormat.of();

    private final ExecutorService radio = Executors.newCachedThreadPool();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> writes = new ArrayList<>();
    private final BlockingQueue<Device> added = new LinkedBlockingQueue<>();
    private SimulatedAdapter adapter;
    private BleDeviceSource source;

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        radio.shutdownNow();
    }

    /** One simulated toy advertising {@code name}, added through a source on the manual scheduler, writes recorded. */
    private Device connect(String name) throws Exception {
        start(name);
        Device device = added.poll(5, TimeUnit.SECONDS);
        assertThat(device).as("device added").isNotNull();
        return device;
    }

    private void start(String name) throws Exception {
        DeviceConfiguration config = DeviceConfiguration.bundled();
        Advertisement ad = Advertisement.named("AA:BB", name);
        Map<UUID, Map<Endpoint, UUID>> layout = new LinkedHashMap<>();
        for (ProtocolDefinition p : config.protocolsFor(ad)) {
            p.btle().orElseThrow().services().forEach(layout::putIfAbsent);
        }
        ToyBehaviour recording = new ToyBehaviour() {
            @Override
            public void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
                synchronized (writes) {
                    writes.add(HEX.formatHex(data));
                }
            }
        };
        adapter = new SimulatedAdapter(List.of(new SimulatedToy(ad, layout, () -> recording)), radio);
        // the source's executor is direct: a tick the test causes writes before advance() returns
        source = new BleDeviceSource(adapter, config, Protocols.builtIn(), Runnable::run, scheduler,
                scheduler::nanoTime, Duration.ZERO);
        source.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                added.add(device);
            }

            @Override
            public void deviceRemoved(Device device) {
            }
        });
        source.startScanning().get(2, TimeUnit.SECONDS);
    }

    private List<String> takeWrites() {
        synchronized (writes) {
            List<String> out = List.copyOf(writes);
            writes.clear();
            return out;
        }
    }

    @Test
    void hgodsSpeedIsRepeatedEveryTickOfTheDeviceLayer() throws Exception {
        Device hgod = connect("AMN NEO");
        takeWrites();
        hgod.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(2, TimeUnit.SECONDS);
        assertThat(takeWrites()).as("the command only sets the speed").isEmpty();
        scheduler.advance(Duration.ofMillis(99));
        assertThat(takeWrites()).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(takeWrites()).containsExactly("550400000005");
        scheduler.advance(Duration.ofMillis(300));
        assertThat(takeWrites()).containsExactly("550400000005", "550400000005", "550400000005");
        hgod.output(0, OutputCommand.of(OutputType.VIBRATE, 0)).get(2, TimeUnit.SECONDS);
        scheduler.advance(Duration.ofMillis(500));
        assertThat(takeWrites()).as("speed 0: nothing to repeat").isEmpty();
    }

    @Test
    void periodicWorkEndsWhenTheDeviceDisconnects() throws Exception {
        Device hgod = connect("AMN NEO");
        hgod.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(2, TimeUnit.SECONDS);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(takeWrites()).containsExactly("550400000005");
        assertThat(scheduler.pending()).isEqualTo(1);
        adapter.whenConnected("AA:BB").get(2, TimeUnit.SECONDS).disconnect().get(2, TimeUnit.SECONDS);
        // the disconnect listener cancels the tick; a tick that runs first finds the device gone and ends it
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(takeWrites()).isEmpty();
        assertThat(scheduler.pending()).as("nothing left scheduled").isZero();
    }

    @Test
    void periodicWorkEndsWhenTheSourceCloses() throws Exception {
        Device hgod = connect("AMN NEO");
        hgod.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(2, TimeUnit.SECONDS);
        takeWrites();
        source.closeAsync().get(2, TimeUnit.SECONDS);
        assertThat(scheduler.pending()).isZero();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(takeWrites()).isEmpty();
    }

    @Test
    void aKeepaliveRepeatsTheLastFrameOnlyAfterAnIdleInterval() throws Exception {
        Device leten = connect("F520A-LT");
        // init write, then the stop that gives the keepalive a frame
        assertThat(takeWrites()).containsExactly("0401", "0200");
        leten.output(0, OutputCommand.of(OutputType.VIBRATE, 3)).get(2, TimeUnit.SECONDS);
        assertThat(takeWrites()).containsExactly("0203");
        scheduler.advance(Duration.ofMillis(999));
        assertThat(takeWrites()).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(takeWrites()).as("1 s idle: the last frame again").containsExactly("0203");
        scheduler.advance(Duration.ofMillis(600));
        leten.output(0, OutputCommand.of(OutputType.VIBRATE, 4)).get(2, TimeUnit.SECONDS);
        scheduler.advance(Duration.ofMillis(400));
        assertThat(takeWrites()).as("a command 400 ms before the tick: not idle yet").containsExactly("0204");
        scheduler.advance(Duration.ofMillis(1000));
        assertThat(takeWrites()).containsExactly("0204");
    }

    @Test
    void aHandlersSettleTimeIsWaitedOnTheDeviceLayersScheduler() throws Exception {
        start("CG-CONE");
        // the init write happens at once; the device is reported only once 3 s have passed on the scheduler
        for (int i = 0; i < 500 && scheduler.pending() == 0; i++) {
            assertThat(added.poll(10, TimeUnit.MILLISECONDS)).as("not ready before its settle time").isNull();
        }
        assertThat(scheduler.pending()).as("the settle wait is on the scheduler").isEqualTo(1);
        assertThat(takeWrites()).containsExactly("aa560000");
        scheduler.advance(Duration.ofMillis(2999));
        assertThat(added.poll(200, TimeUnit.MILLISECONDS)).isNull();
        scheduler.advance(Duration.ofMillis(1));
        Device cone = added.poll(5, TimeUnit.SECONDS);
        assertThat(cone).isNotNull();
        assertThat(cone.name()).isEqualTo("The Cowgirl Cone");
    }
}
