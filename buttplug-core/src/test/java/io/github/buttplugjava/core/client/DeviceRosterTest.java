package io.github.buttplugjava.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The roster alone, with no connection: the diff of device lists, the caps, and gone-marking. */
class DeviceRosterTest {

    private final ListenerFanOut listeners = new ListenerFanOut();
    private final List<String> events = new ArrayList<>();
    private final ButtplugClient owner = ButtplugClient.builder("roster test").build();
    private final DeviceRoster roster = new DeviceRoster(3, 2, info -> new ButtplugClientDevice(owner, info), listeners);

    DeviceRosterTest() {
        listeners.add(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                events.add("added " + device.index() + " " + device.name());
            }

            @Override
            public void deviceRemoved(ButtplugClientDevice device) {
                events.add("removed " + device.index() + " " + device.name());
            }
        });
    }

    private static DeviceInfo device(int index, String name, int features) {
        List<DeviceFeature> list = IntStream.range(0, features)
                .mapToObj(f -> new DeviceFeature(f, "", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of()))
                .toList();
        return new DeviceInfo(index, name, null, 0, list);
    }

    private static DeviceList list(DeviceInfo... devices) {
        return new DeviceList(0, List.of(devices));
    }

    @Test
    void aFirstListAddsEveryDeviceInIndexOrder() {
        roster.apply(list(device(2, "b", 1), device(0, "a", 1)));
        assertThat(events).containsExactly("added 0 a", "added 2 b");
        assertThat(roster.all()).extracting(ButtplugClientDevice::index).containsExactly(0, 2);
        assertThat(roster.get(2)).get().extracting(ButtplugClientDevice::name).isEqualTo("b");
        assertThat(roster.get(1)).isEmpty();
    }

    @Test
    void sparseIndicesAreFoundAndMissingOnesAreNot() {
        DeviceRoster wide = new DeviceRoster(64, 2, info -> new ButtplugClientDevice(owner, info), listeners);
        wide.apply(list(IntStream.of(40, 3, 17, 0, 9, 63, 22).mapToObj(i -> device(i, "d" + i, 1)).toArray(DeviceInfo[]::new)));
        assertThat(wide.all()).extracting(ButtplugClientDevice::index).containsExactly(0, 3, 9, 17, 22, 40, 63);
        for (int i = -1; i <= 64; i++) {
            boolean listed = List.of(0, 3, 9, 17, 22, 40, 63).contains(i);
            assertThat(wide.get(i).map(ButtplugClientDevice::name)).as("index %d", i)
                    .isEqualTo(listed ? java.util.Optional.of("d" + i) : java.util.Optional.empty());
        }
        wide.apply(list(device(3, "d3", 1), device(40, "d40", 1)));
        assertThat(wide.all()).extracting(ButtplugClientDevice::index).containsExactly(3, 40);
        assertThat(wide.get(17)).isEmpty();
    }

    @Test
    void aListenerToldOfADeviceFindsItAlreadyKnownAndTheSnapshotCannotBeChanged() {
        List<Integer> seen = new ArrayList<>();
        listeners.add(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                seen.add(roster.get(device.index()).map(ButtplugClientDevice::index).orElse(-1));
            }
        });
        roster.apply(list(device(0, "a", 1), device(1, "b", 1)));
        assertThat(seen).containsExactly(0, 1);
        List<ButtplugClientDevice> snapshot = roster.all();
        org.assertj.core.api.Assertions.assertThatThrownBy(snapshot::clear).isInstanceOf(UnsupportedOperationException.class);
        roster.clear();
        assertThat(snapshot).hasSize(2);
        assertThat(roster.all()).isEmpty();
    }

    @Test
    void anUnchangedDeviceStaysTheSameObjectAndIsNotReported() {
        roster.apply(list(device(0, "a", 1)));
        ButtplugClientDevice before = roster.get(0).orElseThrow();
        events.clear();
        roster.apply(list(device(0, "a", 1), device(1, "b", 1)));
        assertThat(events).containsExactly("added 1 b");
        assertThat(roster.get(0)).containsSame(before);
        assertThat(before.isConnected()).isTrue();
    }

    @Test
    void aDeviceNoLongerListedIsRemovedAndMarkedGone() {
        roster.apply(list(device(0, "a", 1), device(1, "b", 1)));
        ButtplugClientDevice a = roster.get(0).orElseThrow();
        events.clear();
        roster.apply(list(device(1, "b", 1)));
        assertThat(events).containsExactly("removed 0 a");
        assertThat(a.isConnected()).isFalse();
        assertThat(roster.all()).extracting(ButtplugClientDevice::index).containsExactly(1);
    }

    @Test
    void aChangedDescriptionReplacesTheDeviceRemovalsFirst() {
        roster.apply(list(device(0, "a", 1), device(1, "b", 1)));
        ButtplugClientDevice old = roster.get(0).orElseThrow();
        events.clear();
        roster.apply(list(device(0, "a", 2)));
        assertThat(events).containsExactly("removed 1 b", "removed 0 a", "added 0 a");
        assertThat(old.isConnected()).isFalse();
        ButtplugClientDevice now = roster.get(0).orElseThrow();
        assertThat(now).isNotSameAs(old);
        assertThat(now.features()).hasSize(2);
        assertThat(now.isConnected()).isTrue();
    }

    @Test
    void clearRemovesAndMarksEveryDeviceGone() {
        roster.apply(list(device(0, "a", 1), device(1, "b", 1)));
        List<ButtplugClientDevice> before = roster.all();
        events.clear();
        roster.clear();
        assertThat(events).containsExactly("removed 0 a", "removed 1 b");
        assertThat(roster.all()).isEmpty();
        assertThat(before).noneMatch(ButtplugClientDevice::isConnected);
    }

    @Test
    void aListWithinTheCapsPasses() {
        assertThat(roster.overCaps(list(device(0, "a", 2), device(1, "b", 2), device(2, "c", 2)))).isEmpty();
        assertThat(roster.overCaps(list())).isEmpty();
    }

    @Test
    void tooManyDevicesIsOverTheCapsWithTheCounts() {
        assertThat(roster.overCaps(list(device(0, "a", 1), device(1, "b", 1), device(2, "c", 1), device(3, "d", 1))))
                .contains("The server announced 4 devices; this client takes at most 3");
    }

    @Test
    void aDeviceWithTooManyFeaturesIsOverTheCapsWithTheCounts() {
        assertThat(roster.overCaps(list(device(0, "a", 1), device(1, "b", 3))))
                .contains("The server announced a device with 3 features; this client takes at most 2");
    }

    @Test
    void checkingTheCapsChangesNothing() {
        roster.overCaps(list(device(0, "a", 9)));
        assertThat(events).isEmpty();
        assertThat(roster.all()).isEmpty();
    }

    @Test
    void devicesOfTheSameModelInTwoRostersKeepOneFeatureList() {
        DeviceRoster other = new DeviceRoster(3, 2, info -> new ButtplugClientDevice(owner, info), new ListenerFanOut());
        roster.apply(list(device(0, "Lovense Hush", 2)));
        other.apply(list(device(0, "Lovense Hush", 2), device(1, "Other model", 1)));

        List<DeviceFeature> mine = roster.get(0).orElseThrow().info().features();
        assertThat(other.get(0).orElseThrow().info().features()).isSameAs(mine);
        assertThat(other.get(0).orElseThrow().info()).isEqualTo(device(0, "Lovense Hush", 2));
        assertThat(other.get(1).orElseThrow().info().features()).isNotSameAs(mine).hasSize(1);
    }

    @Test
    void aLongFeatureListIsKeptAsDecoded() {
        DeviceRoster wide = new DeviceRoster(3, 64, info -> new ButtplugClientDevice(owner, info), new ListenerFanOut());
        DeviceRoster wide2 = new DeviceRoster(3, 64, info -> new ButtplugClientDevice(owner, info), new ListenerFanOut());
        int n = RepeatedFeatures.MAX_FEATURES + 1;
        DeviceInfo decoded = device(0, "many", n);
        wide.apply(list(device(0, "many", n)));
        wide2.apply(list(decoded));

        assertThat(wide2.get(0).orElseThrow().info()).isSameAs(decoded);
        assertThat(wide2.get(0).orElseThrow().info().features())
                .isNotSameAs(wide.get(0).orElseThrow().info().features());
    }
}
