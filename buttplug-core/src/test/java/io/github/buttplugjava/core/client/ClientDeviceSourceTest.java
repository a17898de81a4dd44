package io.github.buttplugjava.core.client;

import io.github.buttplugjava.testsupport.devices.EventRecorder;
import io.github.buttplugjava.testsupport.devices.HangingDevice;
import io.github.buttplugjava.testsupport.devices.ListSource;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDeviceSourceTest {

    private DeviceManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    private ClientDeviceSource connectedSource(InProcessConnector.Pair pair, DeviceManager devices) throws Exception {
        manager = devices;
        ButtplugServer server = ButtplugServer.builder(devices).build();
        server.serve(pair.server());
        ButtplugClient client = ButtplugClient.builder("agent").build();
        client.connect(pair.client()).get(2, TimeUnit.SECONDS);
        return new ClientDeviceSource(client);
    }

    @Test
    void theServersDevicesBecomeDevicesHere() throws Exception {
        SimulatedDevices sims = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
        SimulatedDevice toy = sims.devices().get(0);
        InProcessConnector.Pair pair = InProcessConnector.pair();
        ClientDeviceSource source = connectedSource(pair, new DeviceManager(List.of(sims)));
        EventRecorder events = new EventRecorder();
        source.start(events);
        EventRecorder.Event added = events.next();
        assertThat(added.kind()).isEqualTo("added");
        Device d = added.device();
        assertThat(d.name()).isEqualTo("Lovense Hush");
        d.output(0, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS);
        assertThat(toy.awaitOutput(0, c -> c.value() == 7, Duration.ofSeconds(2)).value()).isEqualTo(7);
        int batteryFeature = d.features().stream().filter(f -> f.input(InputType.BATTERY).isPresent())
                .findFirst().orElseThrow().featureIndex();
        assertThat(d.read(batteryFeature, InputType.BATTERY).get(2, TimeUnit.SECONDS)).isBetween(0, 100);
    }

    @Test
    void whenTheServerGoesAwayDevicesLeaveAndPendingCommandsFailWithADeviceError() throws Exception {
        HangingDevice slow = new HangingDevice();
        ListSource list = new ListSource();
        InProcessConnector.Pair pair = InProcessConnector.pair();
        DeviceManager devices = new DeviceManager(List.of(list));
        list.add(slow);
        ClientDeviceSource source = connectedSource(pair, devices);
        EventRecorder events = new EventRecorder();
        source.start(events);
        Device d = events.next().device();
        CompletableFuture<Void> pending = d.output(0, OutputCommand.of(OutputType.VIBRATE, 5));
        assertThat(slow.outputArrived.await(2, TimeUnit.SECONDS)).isTrue();
        long dropped = System.nanoTime();
        pair.server().close();
        EventRecorder.Event removed = events.next();
        assertThat(removed.kind()).isEqualTo("removed");
        assertThat(removed.device()).isSameAs(d);
        assertThat(pending).failsWithin(1, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ButtplugDeviceException.class);
        assertThat(System.nanoTime() - dropped).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(d.output(0, OutputCommand.of(OutputType.VIBRATE, 1)))
                .failsWithin(1, TimeUnit.SECONDS);
    }

    /** A fake agent's toy that answers each output 1 ms later and records how many were in flight at once. */
    static final class SlowToy extends HangingDevice {
        final java.util.concurrent.ScheduledExecutorService later =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        volatile int level;

        @Override
        public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
            received.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            level = command.value();
            CompletableFuture<Void> done = new CompletableFuture<>();
            later.schedule(() -> {
                inFlight.decrementAndGet();
                done.complete(null);
            }, 1, TimeUnit.MILLISECONDS);
            return done;
        }
    }

    @Test
    void aFloodOfOutputsToOneFeatureIsCoalescedAndEveryCallerGetsAnAnswer() throws Exception {
        SlowToy toy = new SlowToy();
        ListSource list = new ListSource();
        InProcessConnector.Pair pair = InProcessConnector.pair();
        DeviceManager devices = new DeviceManager(List.of(list));
        list.add(toy);
        ClientDeviceSource source = connectedSource(pair, devices);
        EventRecorder events = new EventRecorder();
        source.start(events);
        Device d = events.next().device();
        try {
            List<CompletableFuture<Void>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                sent.add(d.output(0, OutputCommand.of(OutputType.VIBRATE, 1 + i % 19)));
            }
            sent.add(d.output(0, OutputCommand.of(OutputType.VIBRATE, 20)));
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(toy.maxInFlight.get()).isLessThanOrEqualTo(2);
            assertThat(toy.received.get()).isLessThan(10_000);
            assertThat(toy.level).isEqualTo(20);
        } finally {
            toy.later.shutdownNow();
        }
    }
}
