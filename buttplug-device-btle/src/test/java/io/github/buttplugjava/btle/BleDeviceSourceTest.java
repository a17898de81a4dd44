package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.ProtocolHandler;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.btle.sim.SimulatedAdapter;
import io.github.buttplugjava.btle.sim.SimulatedBle;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BleDeviceSourceTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Device> added = new LinkedBlockingQueue<>();
    private final BlockingQueue<Device> removed = new LinkedBlockingQueue<>();
    private final DeviceSourceListener listener = new DeviceSourceListener() {
        @Override
        public void deviceAdded(Device device) {
            added.add(device);
        }

        @Override
        public void deviceRemoved(Device device) {
            removed.add(device);
        }
    };
    private SimulatedAdapter adapter;
    private BleDeviceSource source;

    private void start(List<String> toys, DeviceConfiguration config, Protocols protocols) throws Exception {
        adapter = SimulatedBle.adapter(toys, config, executor);
        source = new BleDeviceSource(adapter, config, protocols, executor, Duration.ofMillis(5));
        source.start(listener);
        source.startScanning().get(2, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        executor.shutdownNow();
    }

    @Test
    void simulatedLovenseIsIdentifiedAndReportsItsBattery() throws Exception {
        start(List.of("lovense"), DeviceConfiguration.bundled(), Protocols.builtIn());
        Device hush = added.poll(5, TimeUnit.SECONDS);
        assertThat(hush).isNotNull();
        assertThat(hush.name()).isEqualTo("Lovense Hush");
        int battery = hush.features().stream().filter(f -> f.input(InputType.BATTERY).isPresent())
                .findFirst().orElseThrow().featureIndex();
        assertThat(hush.read(battery, InputType.BATTERY).get(2, TimeUnit.SECONDS)).isEqualTo(87);
        hush.output(0, OutputCommand.of(OutputType.VIBRATE, 10)).get(2, TimeUnit.SECONDS);
        hush.stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void closeAsyncStopsEveryToyBeforeItDisconnectsIt() throws Exception {
        start(List.of("lovense"), DeviceConfiguration.bundled(), Protocols.builtIn());
        Device hush = added.poll(5, TimeUnit.SECONDS);
        assertThat(hush).isNotNull();
        BlockingQueue<String> writes = new LinkedBlockingQueue<>(); // after the handshake
        adapter.addWriteListener(w -> writes.add(w.text()));
        hush.output(0, OutputCommand.of(OutputType.VIBRATE, 10)).get(2, TimeUnit.SECONDS);
        assertThat(writes.poll(2, TimeUnit.SECONDS)).isEqualTo("Vibrate:10;");
        String address = adapter.advertisements().get(0).address();
        assertThat(adapter.peripheral(address)).hasValueSatisfying(p -> assertThat(p.isConnected()).isTrue());

        CompletableFuture<Void> closed = source.closeAsync();
        assertThat(source.closeAsync()).isSameAs(closed);
        closed.get(5, TimeUnit.SECONDS);
        assertThat(writes.poll(2, TimeUnit.SECONDS)).as("the stop reached the toy").isEqualTo("Vibrate:0;");
        assertThat(adapter.peripheral(address)).hasValueSatisfying(p -> assertThat(p.isConnected()).isFalse());
        assertThat(removed.poll(2, TimeUnit.SECONDS)).isSameAs(hush);
    }

    @Test
    void tenProtocolFamiliesComeUpThroughTheirHandlers() throws Exception {
        List<String> names = SimulatedBle.names();
        assertThat(names).hasSizeGreaterThanOrEqualTo(10);
        start(names, DeviceConfiguration.bundled(), Protocols.builtIn());
        for (int i = 0; i < names.size(); i++) {
            Device d = added.poll(10, TimeUnit.SECONDS);
            assertThat(d).as("device %d of %s", i, names).isNotNull();
            assertThat(d.stop().get(2, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void simulatedSourceServesAServerThroughTheRealHandlers() throws Exception {
        io.github.buttplugjava.core.device.DeviceSource toys = SimulatedBle.source(List.of("wevibe", "lovense"));
        try {
            toys.start(listener);
            toys.startScanning().get(2, TimeUnit.SECONDS);
            Device first = added.poll(5, TimeUnit.SECONDS);
            Device second = added.poll(5, TimeUnit.SECONDS);
            assertThat(List.of(first.name(), second.name())).containsExactlyInAnyOrder("WeVibe 4 Plus", "Lovense Hush");
        } finally {
            toys.close();
        }
        assertThat(removed.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(removed.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aDeviceThatFailsItsHandshakeIsSkippedAndDisconnected() throws Exception {
        Protocols failing = Protocols.builtIn().with("wevibe", definition -> new ProtocolHandler() {
            @Override
            public CompletableFuture<Void> initialize(io.github.buttplugjava.btle.protocol.HardwareIo io) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException("handshake refused"));
            }
        });
        start(List.of("wevibe", "aneros"), DeviceConfiguration.bundled(), failing);
        Device aneros = added.poll(5, TimeUnit.SECONDS);
        assertThat(aneros).isNotNull();
        assertThat(aneros.name()).startsWith("Aneros");
        assertThat(added.poll(300, TimeUnit.MILLISECONDS)).isNull();
        String weVibeAddress = adapter.advertisements().get(0).address();
        SimulatedPeripheralProbe.assertDisconnected(adapter, weVibeAddress);
    }

    @Test
    void aDeviceThatDisconnectsIsRemovedAndItsCommandsFail() throws Exception {
        start(List.of("wevibe"), DeviceConfiguration.bundled(), Protocols.builtIn());
        Device d = added.poll(5, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        adapter.peripheral(d.identifier()).orElseThrow().disconnect();
        assertThat(removed.poll(5, TimeUnit.SECONDS)).isSameAs(d);
        assertThatThrownBy(() -> d.output(0, OutputCommand.of(OutputType.VIBRATE, 3)).get(2, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BleException.class);
    }

    @Test
    void commandsOutsideTheFeatureAreRefused() throws Exception {
        start(List.of("wevibe"), DeviceConfiguration.bundled(), Protocols.builtIn());
        Device d = added.poll(5, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        assertThatThrownBy(() -> d.output(0, OutputCommand.of(OutputType.VIBRATE, 16)).get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> d.output(0, OutputCommand.of(OutputType.ROTATE, 1)).get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("no Rotate output");
        assertThatThrownBy(() -> d.output(9, OutputCommand.of(OutputType.VIBRATE, 1)).get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("no feature 9");
    }

    @Test
    void deniedDevicesAreNeverConnected() throws Exception {
        String address = "5E:00:00:00:00:00";
        DeviceConfiguration config = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs":{"devices":[{"identifier":{"address":"%s","protocol":"aneros","identifier":"Massage Demo"},
                 "config":{"features":[],"user_config":{"deny":true,"index":0}}}]}}""".formatted(address));
        start(List.of("aneros", "wevibe"), config, Protocols.builtIn());
        Device d = added.poll(5, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        assertThat(d.identifier()).isNotEqualTo(address);
        assertThat(added.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(adapter.peripheral(address)).isEmpty();
    }
}
