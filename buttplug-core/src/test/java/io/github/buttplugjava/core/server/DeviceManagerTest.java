package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Records manager events as strings. */
    private static final class Events implements DeviceManagerListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void deviceAdded(DeviceInfo device) {
            events.add("added " + device.deviceIndex() + " " + device.deviceName());
        }

        @Override
        public void deviceRemoved(DeviceInfo device) {
            events.add("removed " + device.deviceIndex());
        }

        @Override
        public void scanningFinished() {
            events.add("finished");
        }

        String next() throws InterruptedException {
            String e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("an event").isNotNull();
            return e;
        }
    }

    @Test
    void indicesAreStableAndNeverReusedAcrossSources() throws Exception {
        SimulatedDevices first = SimulatedDevices.of("lovense", "wevibe");
        SimulatedDevices second = SimulatedDevices.of("stroker");
        try (DeviceManager manager = new DeviceManager(List.of(first, second))) {
            Events a = new Events();
            Events b = new Events();
            manager.addListener(a);
            manager.addListener(b);
            manager.startScanning().get(5, TimeUnit.SECONDS);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(a.next());
            }
            // two sources scan concurrently: indices follow the order devices appear
            assertThat(seen.get(3)).isEqualTo("finished");
            assertThat(seen.subList(0, 3)).extracting(e -> e.substring(0, 8)).containsExactly("added 0 ", "added 1 ", "added 2 ");
            assertThat(seen).anyMatch(e -> e.endsWith("We-Vibe Sync")).anyMatch(e -> e.endsWith("Kiiroo Keon"));
            for (int i = 0; i < 4; i++) {
                b.next();
            }
            SimulatedDevice wevibe = first.device("wevibe");
            int wevibeIndex = manager.deviceList(0).devices().stream()
                    .filter(d -> d.deviceName().equals("We-Vibe Sync")).findFirst().orElseThrow().deviceIndex();
            first.unplug(wevibe);
            assertThat(a.next()).isEqualTo("removed " + wevibeIndex);
            assertThat(manager.deviceList(0).device(wevibeIndex)).isEmpty();
            first.plugIn(wevibe);
            assertThat(a.next()).isEqualTo("added " + wevibeIndex + " We-Vibe Sync");
            assertThat(manager.deviceList(0).devices()).extracting(DeviceInfo::deviceIndex).containsExactly(0, 1, 2);
        }
    }

    @Test
    void scanningWithoutSourcesFinishesAtOnce() throws Exception {
        try (DeviceManager manager = new DeviceManager(List.of())) {
            Events events = new Events();
            manager.addListener(events);
            manager.startScanning().get(5, TimeUnit.SECONDS);
            assertThat(events.next()).isEqualTo("finished");
            assertThat(manager.isScanning()).isFalse();
        }
    }

    @Test
    void timingGapKeepsTheLatestValuePerFeatureAndCompletesEveryRequest() throws Exception {
        SimulatedDevices sim = SimulatedDevices.builder().add("wevibe").timingGapMs(500).presentAtStart(true).build();
        try (DeviceManager manager = new DeviceManager(List.of(sim))) {
            DeviceWaits.awaitDevices(manager, 1, WAIT);
            ManagedDevice device = manager.device(0).orElseThrow();
            List<CompletableFuture<Void>> requests = new ArrayList<>();
            for (int value = 1; value <= 10; value++) {
                requests.add(device.output(0, OutputCommand.of(OutputType.VIBRATE, value)));
                requests.add(device.output(1, OutputCommand.of(OutputType.VIBRATE, 20 - value)));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(requests).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
            SimulatedDevice wevibe = sim.device("wevibe");
            // the first command goes at once; everything inside the gap collapses to the latest per feature
            assertThat(wevibe.outputs(0)).extracting(OutputCommand::value).containsExactly(1, 10);
            assertThat(wevibe.outputs(1)).extracting(OutputCommand::value).containsExactly(10);
            assertThat(wevibe.outputValue(1, OutputType.VIBRATE)).isEqualTo(10);
        }
    }

    @Test
    void stopDropsHeldCommandsButCompletesThem() throws Exception {
        SimulatedDevices sim = SimulatedDevices.builder().add("vibrator").timingGapMs(2_000).presentAtStart(true).build();
        try (DeviceManager manager = new DeviceManager(List.of(sim))) {
            DeviceWaits.awaitDevices(manager, 1, WAIT);
            ManagedDevice device = manager.device(0).orElseThrow();
            device.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(5, TimeUnit.SECONDS);
            CompletableFuture<Void> held = device.output(0, OutputCommand.of(OutputType.VIBRATE, 15));
            assertThat(held).isNotDone();
            device.stop().get(5, TimeUnit.SECONDS);
            held.get(5, TimeUnit.SECONDS);
            SimulatedDevice vibrator = sim.device("vibrator");
            assertThat(vibrator.outputs(0)).extracting(OutputCommand::value).containsExactly(5);
            assertThat(vibrator.outputValue(0, OutputType.VIBRATE)).isZero();
        }
    }

    @Test
    void removalFailsHeldCommands() throws Exception {
        SimulatedDevices sim = SimulatedDevices.builder().add("vibrator").timingGapMs(5_000).presentAtStart(true).build();
        try (DeviceManager manager = new DeviceManager(List.of(sim))) {
            DeviceWaits.awaitDevices(manager, 1, WAIT);
            ManagedDevice device = manager.device(0).orElseThrow();
            device.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(5, TimeUnit.SECONDS);
            CompletableFuture<Void> held = device.output(0, OutputCommand.of(OutputType.VIBRATE, 15));
            Events events = new Events();
            manager.addListener(events);
            sim.unplug(sim.device("vibrator"));
            assertThat(events.next()).isEqualTo("removed 0");
            assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ButtplugDeviceException.class);
        }
    }

    @Test
    void aDeviceRemovedBeforeItsFirstCommandRefusesCommandsAndStopsBeforeAnyCommandWork() throws Exception {
        SimulatedDevices sim = SimulatedDevices.builder().add("vibrator").timingGapMs(50).presentAtStart(true).build();
        try (DeviceManager manager = new DeviceManager(List.of(sim))) {
            DeviceWaits.awaitDevices(manager, 1, WAIT);
            ManagedDevice device = manager.device(0).orElseThrow();
            // nothing sent yet: stops have nothing held to drop and still reach the device
            device.stopFeature(0).get(5, TimeUnit.SECONDS);
            device.stop().get(5, TimeUnit.SECONDS);
            Events events = new Events();
            manager.addListener(events);
            sim.unplug(sim.device("vibrator"));
            assertThat(events.next()).isEqualTo("removed 0");
            assertThatThrownBy(() -> device.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ButtplugDeviceException.class)
                    .hasMessageContaining("was removed");
            assertThat(sim.device("vibrator").outputs(0)).extracting(OutputCommand::value).containsOnly(0);
        }
    }

    @Test
    void subscriptionsOfSeveralOwnersShareOneDeviceSubscription() throws Exception {
        SimulatedDevices sim = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
        try (DeviceManager manager = new DeviceManager(List.of(sim))) {
            DeviceWaits.awaitDevices(manager, 1, WAIT);
            ManagedDevice device = manager.device(0).orElseThrow();
            BlockingQueue<Integer> a = new LinkedBlockingQueue<>();
            BlockingQueue<Integer> b = new LinkedBlockingQueue<>();
            InputKey battery = new InputKey(1, InputType.BATTERY);
            Object ownerA = new Object();
            Object ownerB = new Object();
            device.subscribe(ownerA, battery, a::add).get(5, TimeUnit.SECONDS);
            device.subscribe(ownerB, battery, b::add).get(5, TimeUnit.SECONDS);
            SimulatedDevice lovense = sim.device("lovense");
            lovense.setBatteryLevel(33);
            assertThat(poll(a, 33)).isTrue();
            assertThat(poll(b, 33)).isTrue();
            device.unsubscribe(ownerA, battery).get(5, TimeUnit.SECONDS);
            assertThat(lovense.commands()).filteredOn(c -> c.kind() == RecordedCommand.Kind.UNSUBSCRIBE).isEmpty();
            device.unsubscribe(ownerB, battery).get(5, TimeUnit.SECONDS);
            assertThat(lovense.commands()).filteredOn(c -> c.kind() == RecordedCommand.Kind.SUBSCRIBE).hasSize(1);
            assertThat(lovense.commands()).filteredOn(c -> c.kind() == RecordedCommand.Kind.UNSUBSCRIBE).hasSize(1);
        }
    }

    private static boolean poll(BlockingQueue<Integer> queue, int wanted) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            Integer v = queue.poll(5, TimeUnit.SECONDS);
            if (v == null) {
                return false;
            }
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }

    @Test
    void closeStopsDevicesAndReportsThemRemoved() throws Exception {
        SimulatedDevices sim = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
        DeviceManager manager = new DeviceManager(List.of(sim));
        DeviceWaits.awaitDevices(manager, 1, WAIT);
        manager.close();
        sim.device("lovense").awaitStop(WAIT);
        assertThat(manager.deviceList(0).devices()).isEmpty();
        assertThatThrownBy(() -> manager.startScanning().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ButtplugDeviceException.class);
    }
}
