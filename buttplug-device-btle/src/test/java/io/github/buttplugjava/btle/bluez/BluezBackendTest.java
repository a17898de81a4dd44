package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.fakebluez.BleBackendContract;
import io.github.buttplugjava.btle.fakebluez.FakeBluez;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The BlueZ D-Bus backend against the fake BlueZ on a private dbus-daemon. */
class BluezBackendTest extends BleBackendContract {

    @Override
    protected BleAdapter newAdapter(FakeBluez fake) {
        return new BluezBleAdapter(BluezOptions.defaults().withBusAddress(fake.address()));
    }

    @Override
    protected String expectedWriteType(boolean withResponse) {
        return withResponse ? "request" : "command";
    }

    @Test
    void aBusWithoutBluezIsAClearError(@TempDir Path dir) throws Exception {
        try (FakeBluez empty = FakeBluez.start(dir.resolve("bus"), Optional.empty());
             BluezBleAdapter bluez = new BluezBleAdapter(BluezOptions.defaults().withBusAddress(empty.address()))) {
            assertThatThrownBy(() -> await(bluez.startScan(a -> { })))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("BlueZ is not running");
        }
    }

    @Test
    void bluezWithoutAnAdapterIsAClearError(@TempDir Path dir) throws Exception {
        try (FakeBluez noAdapter = FakeBluez.start(dir.resolve("bus"), Optional.of(List.of("--no-adapter")));
             BluezBleAdapter bluez = new BluezBleAdapter(BluezOptions.defaults().withBusAddress(noAdapter.address()))) {
            assertThatThrownBy(() -> await(bluez.open()))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("no Bluetooth adapter");
        }
    }

    @Test
    void aBusPolicyThatDeniesBluezIsAClearError(@TempDir Path dir) throws Exception {
        try (FakeBluez denied = FakeBluez.start(dir.resolve("bus"), Optional.of(List.of()), FakeBluez.DENY_BLUEZ_CONFIG);
             BluezBleAdapter bluez = new BluezBleAdapter(BluezOptions.defaults().withBusAddress(denied.address()))) {
            assertThatThrownBy(() -> await(bluez.startScan(a -> { })))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void noBusAtAllIsAClearError(@TempDir Path dir) {
        try (BluezBleAdapter bluez = new BluezBleAdapter(BluezOptions.defaults()
                .withBusAddress("unix:path=" + dir.resolve("nobody-listens")))) {
            assertThatThrownBy(() -> await(bluez.connect(FakeBluez.LOVENSE)))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("cannot connect to the D-Bus system bus");
        }
    }

    @Test
    void anUnknownAdapterNameIsAClearError() {
        try (BluezBleAdapter bluez = new BluezBleAdapter(BluezOptions.defaults()
                .withBusAddress(fake.address()).withAdapterName("hci7"))) {
            assertThatThrownBy(() -> await(bluez.open()))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("hci7").hasMessageContaining("hci0");
        }
    }

    @Test
    void switchesAPoweredOffAdapterOnOnlyWhenAllowed() throws Exception {
        fake.properties("/org/bluez/hci0").Set("org.bluez.Adapter1", "Powered", false);
        try (BluezBleAdapter refusing = new BluezBleAdapter(BluezOptions.defaults()
                .withBusAddress(fake.address()).withPowerOn(false))) {
            assertThatThrownBy(() -> await(refusing.startScan(a -> { })))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("switched off");
        }
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        assertThat(fake.adapterFlag("Powered")).isTrue();
        scanUntilSeen(seen, Set.of(FakeBluez.LOVENSE));
    }

    @Test
    void passesTheDiscoveryFilterToBluez() throws Exception {
        UUID lovense = UUID.fromString("5a300001-0023-4bd4-bbd5-a6920e4c5653");
        try (BluezBleAdapter filtered = new BluezBleAdapter(BluezOptions.defaults().withBusAddress(fake.address())
                .withDiscoveryFilter(BluezDiscoveryFilter.LE_ONLY.withServiceUuids(Set.of(lovense)).withRssi(-90)))) {
            await(filtered.startScan(a -> { }));
            Map<String, Variant<?>> filter = fake.control().GetDiscoveryFilter();
            assertThat(filter.get("Transport").getValue()).isEqualTo("le");
            assertThat(filter.get("RSSI").getValue()).isEqualTo((short) -90);
            assertThat(filter.get("UUIDs").getValue().toString()).contains(lovense.toString());
            assertThat(fake.adapterFlag("Discovering")).isTrue();
            await(filtered.stopScan());
            assertThat(fake.adapterFlag("Discovering")).isFalse();
        }
    }

    @Test
    void serviceDiscoveryThatNeverEndsTimesOut() throws Exception {
        fake.control().Configure(FakeBluez.LOVENSE, Map.of("ResolveDelayMs", new Variant<>(-1)));
        try (BluezBleAdapter impatient = new BluezBleAdapter(BluezOptions.defaults().withBusAddress(fake.address())
                .withServiceDiscoveryTimeout(Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> await(impatient.connect(FakeBluez.LOVENSE)))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("did not resolve");
        }
    }

    @Test
    void aFailedConnectionIsAClearError() throws Exception {
        fake.control().Configure(FakeBluez.LOVENSE, Map.of("ConnectFails", new Variant<>(true)));
        assertThatThrownBy(() -> await(adapter.connect(FakeBluez.LOVENSE)))
                .hasCauseInstanceOf(BleException.class).hasMessageContaining("connection abort");
    }

    @Test
    void writeTypeTheCharacteristicDoesNotSupportIsReported() throws Exception {
        BlePeripheral wevibe = connect(FakeBluez.WEVIBE);
        UUID battery = UUID.fromString("0000180f-0000-1000-8000-00805f9b34fb");
        UUID level = UUID.fromString("00002a19-0000-1000-8000-00805f9b34fb");
        assertThatThrownBy(() -> await(wevibe.write(battery, level, new byte[]{1}, false)))
                .hasCauseInstanceOf(BleException.class).hasMessageContaining("Write without response not supported");
    }
}
