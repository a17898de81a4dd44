package io.github.buttplugjava.device.hid;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HID source over a scripted bus, the Joy-Con's periodic rumble under virtual time: which
 * devices are taken, the exact reports written, a device unplugged, stop on close.
 */
class HidDeviceSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ENABLE_VIBRATION = "01000000000000000000480100" + "00".repeat(51);
    private static final String RUMBLE_HALF = "1001a888ac62a888ac6200" + "00".repeat(53);
    private static final String RUMBLE_STOP = "100100004140000041400000" + "00".repeat(52);

    private final ScriptedHidBus bus = new ScriptedHidBus();
    private final VirtualTime time = new VirtualTime();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final BlockingQueue<Device> added = new LinkedBlockingQueue<>();
    private final BlockingQueue<Device> removed = new LinkedBlockingQueue<>();
    private final CountDownLatch scanned = new CountDownLatch(1);
    private HidDeviceSource source;

    @AfterEach
    void close() throws Exception {
        if (source != null) {
            source.closeAsync().get(10, TimeUnit.SECONDS);
        }
        executor.shutdownNow();
    }

    private void scan() throws Exception {
        source = new HidDeviceSource(bus, DeviceConfiguration.bundled(), Protocols.builtIn(), executor,
                time.scheduler(), time::elapsedNanos);
        source.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                added.add(device);
            }

            @Override
            public void deviceRemoved(Device device) {
                removed.add(device);
            }

            @Override
            public void scanningFinished() {
                scanned.countDown();
            }
        });
        source.startScanning().get(5, TimeUnit.SECONDS);
        assertThat(scanned.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("scanning finished").isTrue();
    }

    private ScriptedHidBus.Device joycon() {
        return bus.attach(new HidDeviceInfo(0x057E, 0x2007, "/dev/hidraw3", "Joy-Con (R)", "98:b6:e9:00:00:01"));
    }

    @Test
    void takesJoyconsWithASerialNumberAndNothingElse() throws Exception {
        ScriptedHidBus.Device right = joycon();
        bus.attach(new HidDeviceInfo(0x057E, 0x2006, "/dev/hidraw4", "Joy-Con (L)", ""));
        bus.attach(new HidDeviceInfo(0x046D, 0xC52B, "/dev/hidraw0", "USB Receiver", "1234"));

        scan();

        Device d = added.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(d).isNotNull();
        assertThat(d.name()).isEqualTo("Nintendo Joycon");
        assertThat(added).isEmpty();
        assertThat(right.reports()).containsExactly(ENABLE_VIBRATION);
        assertThat(bus.timesOpened("/dev/hidraw4")).isZero();
        assertThat(bus.timesOpened("/dev/hidraw0")).isZero();

        source.startScanning().get(5, TimeUnit.SECONDS);
        assertThat(added.poll(200, TimeUnit.MILLISECONDS)).as("a device is opened once").isNull();
        assertThat(bus.timesOpened("/dev/hidraw3")).isEqualTo(1);
    }

    @Test
    void rumbleIsWrittenAtOnceAndRepeatedEvery15msWhileOn() throws Exception {
        ScriptedHidBus.Device right = joycon();
        scan();
        Device d = added.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        d.output(0, OutputCommand.of(OutputType.VIBRATE, 500)).get(5, TimeUnit.SECONDS);
        right.await(r -> r.size() == 2, WAIT);
        time.advanceMillis(15);
        right.await(r -> r.size() == 3, WAIT);
        time.advanceMillis(15);
        right.await(r -> r.size() == 4, WAIT);
        d.output(0, OutputCommand.of(OutputType.VIBRATE, 0)).get(5, TimeUnit.SECONDS);
        right.await(r -> r.size() == 5, WAIT);
        time.advanceMillis(150);

        assertThat(right.reports()).containsExactly(ENABLE_VIBRATION, RUMBLE_HALF, RUMBLE_HALF, RUMBLE_HALF, RUMBLE_STOP);
    }

    @Test
    void anUnpluggedJoyconIsRemovedAndItsCommandsFail() throws Exception {
        ScriptedHidBus.Device right = joycon();
        scan();
        Device d = added.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        right.unplug();

        assertThat(removed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(d);
        assertThatThrownBy(() -> d.output(0, OutputCommand.of(OutputType.VIBRATE, 300)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("disconnected");
        // the port's reader closes the handle as it ends, which may come just after the removal
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!right.closed() && System.nanoTime() < deadline) {
            Thread.sleep(10); // bounded poll-until loop
        }
        assertThat(right.closed()).as("the unplugged device's handle is closed").isTrue();
    }

    @Test
    void closingStopsTheRumbleBeforeTheDeviceAndTheBusClose() throws Exception {
        ScriptedHidBus.Device right = joycon();
        scan();
        Device d = added.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        d.output(0, OutputCommand.of(OutputType.VIBRATE, 500)).get(5, TimeUnit.SECONDS);
        right.await(r -> r.size() == 2, WAIT);

        source.closeAsync().get(10, TimeUnit.SECONDS);

        List<String> reports = right.reports();
        assertThat(reports.get(reports.size() - 1)).isEqualTo(RUMBLE_STOP);
        assertThat(removed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(d);
        assertThat(bus.closed()).isTrue();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!right.closed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(right.closed()).isTrue();
    }
}
