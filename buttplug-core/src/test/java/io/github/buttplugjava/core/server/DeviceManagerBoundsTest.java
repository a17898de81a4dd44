package io.github.buttplugjava.core.server;

import io.github.buttplugjava.testsupport.devices.ListSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Churn cannot grow a device manager, and an announced timing gap cannot hold commands for long. */
class DeviceManagerBoundsTest {

    @Test
    void departedDevicesAreRememberedUpToABoundAndIndicesAreNeverReused() {
        ListSource source = ListSource.finishingScans();
        try (DeviceManager manager = new DeviceManager(List.of(source))) {
            Device first = new Named("first", 0);
            source.add(first);
            source.remove(first);
            for (int i = 0; i < DeviceManager.REMEMBERED_DEPARTED + 500; i++) {
                Device d = new Named("churn-" + i, 0);
                source.add(d);
                source.remove(d);
            }
            assertThat(manager.rememberedIdentities()).isEqualTo(DeviceManager.REMEMBERED_DEPARTED);

            Device recent = new Named("churn-" + (DeviceManager.REMEMBERED_DEPARTED + 499), 0);
            source.add(recent);
            assertThat(manager.deviceList(0).devices()).singleElement()
                    .satisfies(d -> assertThat(d.deviceIndex()).as("a recent departure gets its index back")
                            .isEqualTo(DeviceManager.REMEMBERED_DEPARTED + 500));
            source.add(first);
            assertThat(manager.deviceList(0).devices()).extracting(d -> d.deviceIndex())
                    .as("a long-forgotten device gets a fresh index, never one in use or used before")
                    .contains(DeviceManager.REMEMBERED_DEPARTED + 501);
        }
    }

    @Test
    void anAnnouncedTimingGapIsClampedAndAdvertisedClamped() throws Exception {
        ListSource source = ListSource.finishingScans();
        try (DeviceManager manager = new DeviceManager(List.of(source))) {
            SimulatedDevice toy = SimulatedDevices.of("lovense").devices().get(0);
            Device hostile = new Named("slow", 4_294_967_295L) {
                @Override
                public List<DeviceFeature> features() {
                    return toy.features();
                }

                @Override
                public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
                    return toy.output(featureIndex, command);
                }
            };
            source.add(hostile);
            assertThat(manager.deviceList(0).devices().get(0).timingGapMs()).isEqualTo(DeviceManager.MAX_TIMING_GAP_MS);
        }
    }

    /** A device with a name, a gap and no features, that does nothing. */
    private static class Named implements Device {
        private final String id;
        private final long gap;

        Named(String id, long gap) {
            this.id = id;
            this.gap = gap;
        }

        @Override
        public String identifier() {
            return id;
        }

        @Override
        public String name() {
            return id;
        }

        @Override
        public Optional<String> displayName() {
            return Optional.empty();
        }

        @Override
        public long timingGapMs() {
            return gap;
        }

        @Override
        public List<DeviceFeature> features() {
            return List.of();
        }

        @Override
        public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Integer> read(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> stop() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
