package io.github.buttplugjava.btle.fakebluez;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scenarios every BLE backend must pass against the fake BlueZ: discover, connect, exact writes,
 * reads, notifications, a peripheral that vanishes or drops the link, devices appearing mid-scan.
 */
@ExtendWith(FakeBluezExtension.class)
public abstract class BleBackendContract {
    protected static final UUID LOVENSE_SERVICE = UUID.fromString("5a300001-0023-4bd4-bbd5-a6920e4c5653");
    protected static final UUID LOVENSE_TX = UUID.fromString("5a300002-0023-4bd4-bbd5-a6920e4c5653");
    protected static final UUID LOVENSE_RX = UUID.fromString("5a300003-0023-4bd4-bbd5-a6920e4c5653");
    protected static final UUID WEVIBE_SERVICE = UUID.fromString("f000bb03-0451-4000-b000-000000000000");
    protected static final UUID WEVIBE_TX = UUID.fromString("f000c000-0451-4000-b000-000000000000");
    protected static final UUID WEVIBE_RX = UUID.fromString("f000b000-0451-4000-b000-000000000000");
    protected static final UUID BATTERY_SERVICE = UUID.fromString("0000180f-0000-1000-8000-00805f9b34fb");
    protected static final UUID BATTERY_LEVEL = UUID.fromString("00002a19-0000-1000-8000-00805f9b34fb");
    protected static final long WAIT_SECONDS = 15;

    protected FakeBluez fake;
    protected BleAdapter adapter;

    /** A new adapter of the backend under test, on the fake's bus. */
    protected abstract BleAdapter newAdapter(FakeBluez fake);

    /** The BlueZ write type the backend sends for {@code withResponse} ("" = it sends none). */
    protected abstract String expectedWriteType(boolean withResponse);

    @BeforeEach
    void openAdapter(FakeBluez fake) {
        this.fake = fake;
        this.adapter = newAdapter(fake);
    }

    @AfterEach
    void closeAdapter() {
        adapter.close();
        fake.awaitAllDisconnected(waitTime());
    }

    protected static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Scans until every address in {@code wanted} was seen; returns the last advertisement of each. */
    protected Map<String, Advertisement> scanUntilSeen(BlockingQueue<Advertisement> seen, Set<String> wanted)
            throws InterruptedException {
        Map<String, Advertisement> found = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!found.keySet().containsAll(wanted) && System.nanoTime() < deadline) {
            Advertisement a = seen.poll(200, TimeUnit.MILLISECONDS);
            if (a != null) {
                found.put(a.address(), a);
            }
        }
        assertThat(found.keySet()).containsAll(wanted);
        return found;
    }

    protected BlePeripheral connectLovense() throws Exception {
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        scanUntilSeen(seen, Set.of(FakeBluez.LOVENSE));
        await(adapter.stopScan());
        return await(adapter.connect(FakeBluez.LOVENSE));
    }

    protected BlePeripheral connect(String address) throws Exception {
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        scanUntilSeen(seen, Set.of(address));
        await(adapter.stopScan());
        return await(adapter.connect(address));
    }

    protected List<RecordedWrite> writesTo(String address) {
        return fake.control().GetWrites(address);
    }

    @Test
    void discoversPeripheralsWithTheirAdvertisementData() throws Exception {
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        Map<String, Advertisement> found = scanUntilSeen(seen, Set.of(FakeBluez.LOVENSE, FakeBluez.WEVIBE));
        await(adapter.stopScan());

        Advertisement lovense = found.get(FakeBluez.LOVENSE);
        assertThat(lovense.name()).isEqualTo("LVS-Z36");
        assertThat(lovense.manufacturerData(620)).containsExactly(0xff, 0x21);
        assertThat(lovense.serviceUuids()).containsExactly(LOVENSE_SERVICE);
        assertThat(lovense.rssi()).hasValue(-60);
        Advertisement wevibe = found.get(FakeBluez.WEVIBE);
        assertThat(wevibe.name()).isEqualTo("Cougar");
        assertThat(wevibe.serviceUuids()).containsExactly(WEVIBE_SERVICE);
        assertThat(wevibe.manufacturerData()).isEmpty();
    }

    @Test
    void reportsPeripheralsThatAppearDuringTheScan() throws Exception {
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        scanUntilSeen(seen, Set.of(FakeBluez.LOVENSE));
        fake.control().AddPeripheral("lovense", "AA:BB:CC:DD:EE:03", "LVS-Late1");

        Advertisement late = scanUntilSeen(seen, Set.of("AA:BB:CC:DD:EE:03")).get("AA:BB:CC:DD:EE:03");
        await(adapter.stopScan());
        assertThat(late.name()).isEqualTo("LVS-Late1");
        assertThat(late.manufacturerData(620)).containsExactly(0xff, 0x21);
    }

    @Test
    void reportsChangedAdvertisementDataDuringTheScan() throws Exception {
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        scanUntilSeen(seen, Set.of(FakeBluez.LOVENSE));
        fake.control().Configure(FakeBluez.LOVENSE, Map.of("RSSI", new org.freedesktop.dbus.types.Variant<>(-42)));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        Advertisement latest = null;
        while (System.nanoTime() < deadline && (latest == null || latest.rssi().orElse(0) != -42)) {
            Advertisement a = seen.poll(200, TimeUnit.MILLISECONDS);
            if (a != null && a.address().equals(FakeBluez.LOVENSE)) {
                latest = a;
            }
        }
        await(adapter.stopScan());
        assertThat(latest).isNotNull();
        assertThat(latest.rssi()).hasValue(-42);
        assertThat(latest.name()).isEqualTo("LVS-Z36");
    }

    @Test
    void reportsPeripheralsFoundOnlyOnceScanningStarts() throws Exception {
        fake.control().AddOnNextScan("wevibe", "AA:BB:CC:DD:EE:04", "Nova");
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        Advertisement nova = scanUntilSeen(seen, Set.of("AA:BB:CC:DD:EE:04")).get("AA:BB:CC:DD:EE:04");
        await(adapter.stopScan());
        assertThat(nova.name()).isEqualTo("Nova");
        assertThat(await(adapter.connect("AA:BB:CC:DD:EE:04")).services()).containsKey(WEVIBE_SERVICE);
    }

    @Test
    void connectDiscoversTheGattServices() throws Exception {
        BlePeripheral lovense = connectLovense();
        assertThat(lovense.isConnected()).isTrue();
        assertThat(lovense.address()).isEqualTo(FakeBluez.LOVENSE);
        assertThat(lovense.name()).isEqualTo("LVS-Z36");
        assertThat(lovense.services()).containsEntry(LOVENSE_SERVICE, Set.of(LOVENSE_TX, LOVENSE_RX));

        BlePeripheral wevibe = await(adapter.connect(FakeBluez.WEVIBE));
        assertThat(wevibe.services()).containsEntry(WEVIBE_SERVICE, Set.of(WEVIBE_TX, WEVIBE_RX))
                .containsEntry(BATTERY_SERVICE, Set.of(BATTERY_LEVEL));
    }

    @Test
    void writtenBytesArriveExactly() throws Exception {
        BlePeripheral wevibe = connect(FakeBluez.WEVIBE);
        byte[] frame = {0x0f, 0x03, 0x00, (byte) 0x84, 0x00, 0x03, 0x00, 0x00};
        await(wevibe.write(WEVIBE_SERVICE, WEVIBE_TX, frame, true));
        await(wevibe.write(WEVIBE_SERVICE, WEVIBE_TX, new byte[]{0x0f, 0, 0, 0, 0, 0, 0, (byte) 0xff}, false));

        List<RecordedWrite> writes = writesTo(FakeBluez.WEVIBE);
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0).characteristic).isEqualTo(WEVIBE_TX.toString());
        assertThat(writes.get(0).data).containsExactly(frame);
        assertThat(writes.get(0).type).isEqualTo(expectedWriteType(true));
        assertThat(writes.get(1).data).containsExactly(0x0f, 0, 0, 0, 0, 0, 0, 0xff);
        assertThat(writes.get(1).type).isEqualTo(expectedWriteType(false));
    }

    @Test
    void notificationsArriveInOrderUntilUnsubscribed() throws Exception {
        BlePeripheral lovense = connectLovense();
        BlockingQueue<String> rx = new LinkedBlockingQueue<>();
        await(lovense.subscribe(LOVENSE_SERVICE, LOVENSE_RX, v -> rx.add(new String(v, StandardCharsets.US_ASCII))));

        await(lovense.write(LOVENSE_SERVICE, LOVENSE_TX, ascii("DeviceType;"), false));
        assertThat(rx.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Z:11:0082059AD3BD;");
        await(lovense.write(LOVENSE_SERVICE, LOVENSE_TX, ascii("Battery;"), false));
        assertThat(rx.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("85;");
        fake.control().Notify(FakeBluez.LOVENSE, LOVENSE_RX.toString(), ascii("pushed;"));
        assertThat(rx.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("pushed;");

        await(lovense.unsubscribe(LOVENSE_SERVICE, LOVENSE_RX));
        Object notifying = fake.properties(rxPath()).Get("org.bluez.GattCharacteristic1", "Notifying");
        assertThat(notifying).as("BlueZ still notifying after unsubscribe").isEqualTo(!unsubscribeStopsNotifying());
        assertThat(writesTo(FakeBluez.LOVENSE)).extracting(RecordedWrite::text)
                .containsExactly("DeviceType;", "Battery;");

        // a value pushed after unsubscribe never reaches the old listener; a new subscribe gets what
        // follows (values arrive in order, so once "again;" is in, "unheard;" went wherever it went)
        fake.control().Notify(FakeBluez.LOVENSE, LOVENSE_RX.toString(), ascii("unheard;"));
        BlockingQueue<String> rx2 = new LinkedBlockingQueue<>();
        await(lovense.subscribe(LOVENSE_SERVICE, LOVENSE_RX, v -> rx2.add(new String(v, StandardCharsets.US_ASCII))));
        fake.control().Notify(FakeBluez.LOVENSE, LOVENSE_RX.toString(), ascii("again;"));
        String next = rx2.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if ("unheard;".equals(next)) {
            next = rx2.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(next).isEqualTo("again;");
        assertThat(rx).as("what the unsubscribed listener got").isEmpty();
    }

    /**
     * Whether {@code unsubscribe} stops the peripheral's notifications at BlueZ ({@code Notifying}
     * false), or only their delivery.
     */
    protected boolean unsubscribeStopsNotifying() {
        return true;
    }

    private static String rxPath() {
        return FakeBluez.devicePath(FakeBluez.LOVENSE) + "/service000a/char000e";
    }

    @Test
    void readsCharacteristicValues() throws Exception {
        fake.control().SetBattery(FakeBluez.WEVIBE, (byte) 42);
        BlePeripheral wevibe = connect(FakeBluez.WEVIBE);
        assertThat(await(wevibe.read(BATTERY_SERVICE, BATTERY_LEVEL))).containsExactly(42);
        byte[] status = await(wevibe.read(WEVIBE_SERVICE, WEVIBE_RX));
        assertThat(status).hasSize(8);
        assertThat((((status[3] & 0xff) << 8) + (status[2] & 0xff)) * 100 / 0xffff).isEqualTo(42);
    }

    @Test
    void aPeripheralThatVanishesDisconnectsAndFailsLaterCalls() throws Exception {
        BlePeripheral lovense = connectLovense();
        CompletableFuture<Void> gone = new CompletableFuture<>();
        lovense.onDisconnect(() -> gone.complete(null));

        fake.control().RemovePeripheral(FakeBluez.LOVENSE);
        await(gone);
        assertThat(lovense.isConnected()).isFalse();
        assertThatThrownBy(() -> await(lovense.write(LOVENSE_SERVICE, LOVENSE_TX, ascii("Vibrate:1;"), false)))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BleException.class);
        assertThat(await(lovense.disconnect())).isNull();
    }

    @Test
    void aPeripheralThatDropsTheLinkIsReportedOnce() throws Exception {
        BlePeripheral lovense = connectLovense();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        lovense.onDisconnect(() -> events.add("first"));
        lovense.onDisconnect(() -> events.add("second"));

        fake.control().DropConnection(FakeBluez.LOVENSE);
        assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("second");
        await(lovense.disconnect());
        assertThat(lovense.isConnected()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void disconnectEndsTheLinkAtTheStack() throws Exception {
        BlePeripheral lovense = connectLovense();
        CompletableFuture<Void> gone = new CompletableFuture<>();
        lovense.onDisconnect(() -> gone.complete(null));
        await(lovense.disconnect());
        await(gone);
        Object connected = fake.properties(FakeBluez.devicePath(FakeBluez.LOVENSE)).Get("org.bluez.Device1", "Connected");
        assertThat(connected).isEqualTo(false);
        assertThat(lovense.isConnected()).isFalse();
    }

    @Test
    void unknownCharacteristicsAndPeripheralsFailClearly() throws Exception {
        BlePeripheral lovense = connectLovense();
        assertThatThrownBy(() -> await(lovense.write(WEVIBE_SERVICE, WEVIBE_TX, new byte[]{1}, false)))
                .hasCauseInstanceOf(BleException.class).hasMessageContaining(WEVIBE_SERVICE.toString());
        assertThatThrownBy(() -> await(adapter.connect("AA:BB:CC:DD:EE:99")))
                .hasCauseInstanceOf(BleException.class).hasMessageContaining("AA:BB:CC:DD:EE:99");
    }

    protected static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    protected static Duration waitTime() {
        return Duration.ofSeconds(WAIT_SECONDS);
    }
}
