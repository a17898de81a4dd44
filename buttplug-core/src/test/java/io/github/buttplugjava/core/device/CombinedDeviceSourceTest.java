package io.github.buttplugjava.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.testsupport.devices.EventRecorder;
import io.github.buttplugjava.testsupport.devices.HangingDevice;
import io.github.buttplugjava.testsupport.devices.ListSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CombinedDeviceSourceTest {

    @Test
    void reportsTheDevicesOfEverySource() throws Exception {
        ListSource bluetooth = new ListSource();
        ListSource serial = new ListSource();
        EventRecorder seen = new EventRecorder();
        CombinedDeviceSource both = new CombinedDeviceSource(List.of(bluetooth, serial));
        both.start(seen);
        HangingDevice hush = new HangingDevice();
        HangingDevice osr = new HangingDevice();

        bluetooth.add(hush);
        serial.add(osr);
        serial.remove(osr);

        assertThat(seen.next()).isEqualTo(new EventRecorder.Event("added", hush));
        assertThat(seen.next()).isEqualTo(new EventRecorder.Event("added", osr));
        assertThat(seen.next()).isEqualTo(new EventRecorder.Event("removed", osr));
        assertThat(both.name()).isEqualTo("list + list");
    }

    @Test
    void aScanEndsOnceEverySourceHasEndedItsOwnAndIsReportedOncePerScan() {
        ListSource quick = ListSource.finishingScans();
        ListSource slow = new ListSource();
        AtomicInteger ends = new AtomicInteger();
        CombinedDeviceSource both = new CombinedDeviceSource(List.of(quick, slow));
        both.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
            }

            @Override
            public void deviceRemoved(Device device) {
            }

            @Override
            public void scanningFinished() {
                ends.incrementAndGet();
            }
        });

        assertThat(both.startScanning()).isCompleted();
        assertThat(ends).hasValue(0); // only the quick source has finished
        slowFinishes(slow);
        assertThat(ends).hasValue(1);
        slowFinishes(slow);
        assertThat(ends).as("one end per scan").hasValue(1);

        both.startScanning();
        assertThat(ends).hasValue(1);
        slowFinishes(slow);
        assertThat(ends).as("the next scan ends once both have ended it").hasValue(2);
    }

    @Test
    void aFailingScanFailsTheCombinedScanAndCloseReachesEverySource() {
        ListSource fine = new ListSource();
        CombinedDeviceSource both = new CombinedDeviceSource(List.of(fine, failing()));
        both.start(new EventRecorder());

        assertThat(both.startScanning()).isCompletedExceptionally();
        assertThatThrownBy(both::close).hasMessage("cannot close");
        assertThat(fine.isClosed()).isTrue();
    }

    @Test
    void refusesNoSourcesAndASourceTwice() {
        ListSource one = new ListSource();
        assertThatThrownBy(() -> new CombinedDeviceSource(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CombinedDeviceSource(List.of(one, one)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    private static void slowFinishes(ListSource slow) {
        slow.finishScan();
    }

    private static DeviceSource failing() {
        return new DeviceSource() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void start(DeviceSourceListener listener) {
            }

            @Override
            public CompletableFuture<Void> startScanning() {
                throw new IllegalStateException("no adapter");
            }

            @Override
            public CompletableFuture<Void> stopScanning() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
                throw new IllegalStateException("cannot close");
            }
        };
    }
}
