package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import io.github.buttplugjava.testsupport.devices.ListSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The room's own device list, kept by the fan-out since the room no longer runs a device manager for it. */
class DeviceFanOutTest {

    /** A toy that counts its stops. */
    static final class Toy implements Device {
        final String name;
        final long gap;
        final AtomicInteger stops = new AtomicInteger();

        Toy(String name, long gap) {
            this.name = name;
            this.gap = gap;
        }

        @Override
        public String identifier() {
            return name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long timingGapMs() {
            return gap;
        }

        @Override
        public List<DeviceFeature> features() {
            return List.of(new DeviceFeature(0, "Motor", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of()));
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
            stops.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }

    private final ListSource source = new ListSource();
    private final DeviceFanOut fanOut = new DeviceFanOut(source, device -> { });

    @Test
    void listsTheDevicesPresentNumberedInTheOrderTheyCame() {
        Toy a = new Toy("A", 0);
        Toy b = new Toy("B", 5000);
        Toy c = new Toy("C", 0);
        source.add(a);
        source.add(b);
        source.add(c);
        source.remove(b);

        List<DeviceInfo> listed = fanOut.deviceList(7).devices();
        assertThat(fanOut.deviceList(7).id()).isEqualTo(7);
        assertThat(listed).extracting(DeviceInfo::deviceName).containsExactly("A", "C");
        assertThat(listed).extracting(DeviceInfo::deviceIndex).containsExactly(0, 2);
        assertThat(fanOut.deviceCount()).isEqualTo(2);

        source.add(b); // back: a new number, after the others
        listed = fanOut.deviceList(0).devices();
        assertThat(listed).extracting(DeviceInfo::deviceName).containsExactly("A", "C", "B");
        assertThat(listed).extracting(DeviceInfo::deviceIndex).containsExactly(0, 2, 3);
        // described as a device manager would: the timing gap held to the most a manager allows
        assertThat(listed.get(2).timingGapMs()).isEqualTo(1000);
        assertThat(listed.get(0).features()).isEqualTo(a.features());
    }

    @Test
    void aDeviceAddedTwiceIsListedOnceAndViewsHearOfItOnce() {
        EventRecorder view = new EventRecorder();
        fanOut.view("v", d -> d).start(view);
        Toy a = new Toy("A", 0);
        source.add(a);
        source.add(a);
        assertThat(fanOut.deviceCount()).isEqualTo(1);
        assertThat(view.added).containsExactly(a);
    }

    @Test
    void stopAllStopsEveryDevicePresentAndNoneThatLeft() {
        Toy a = new Toy("A", 0);
        Toy b = new Toy("B", 0);
        Toy gone = new Toy("gone", 0);
        source.add(a);
        source.add(gone);
        source.add(b);
        source.remove(gone);

        fanOut.stopAll();

        assertThat(a.stops).hasValue(1);
        assertThat(b.stops).hasValue(1);
        assertThat(gone.stops).hasValue(0);
    }
}
