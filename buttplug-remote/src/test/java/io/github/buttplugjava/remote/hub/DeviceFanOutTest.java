package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import io.github.buttplugjava.testsupport.devices.ListSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The room's own device list, kept by the fan-out since the room no longer runs a device manager for it. */
class DeviceFanOutTest {

    private final ListSource source = new ListSource();
    private final DeviceFanOut fanOut = new DeviceFanOut(source, device -> { });

    private static RoomSourceTest.Described toy(String name, long gap) {
        return new RoomSourceTest.Described(name, gap, RoomSourceTest.toy(name, 1).features());
    }

    @Test
    void listsTheDevicesPresentNumberedInTheOrderTheyCame() {
        RoomSourceTest.Described a = toy("A", 0);
        RoomSourceTest.Described b = toy("B", 5000);
        RoomSourceTest.Described c = toy("C", 0);
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
        RoomSourceTest.Described a = toy("A", 0);
        source.add(a);
        source.add(a);
        assertThat(fanOut.deviceCount()).isEqualTo(1);
        assertThat(view.added).containsExactly(a);
    }

    @Test
    void stopAllStopsEveryDevicePresentAndNoneThatLeft() throws Exception {
        List<SimulatedDevice> toys = SimulatedDevices.builder().add("lovense").add("lovense").add("lovense").build().devices();
        for (SimulatedDevice toy : toys) {
            toy.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(1, TimeUnit.SECONDS);
            source.add(toy);
        }
        SimulatedDevice gone = toys.get(1);
        source.remove(gone);

        fanOut.stopAll();

        assertThat(toys.get(0).outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(toys.get(2).outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(gone.outputValue(0, OutputType.VIBRATE)).isEqualTo(5);
    }
}
