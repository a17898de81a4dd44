package io.github.buttplugjava.btle.tinyb;

import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.fakebluez.BleBackendContract;
import io.github.buttplugjava.btle.fakebluez.FakeBluez;
import io.github.buttplugjava.btle.fakebluez.FakeBluezExtension;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.buttplugjava.btle.Advertisement;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The TinyB backend against the fake BlueZ. TinyB reads the bus address from
 * {@code $DBUS_SYSTEM_BUS_ADDRESS} when the JVM first uses it, so this runs only where the build set
 * that variable to the fake's socket (Maven does, see the module pom).
 */
class TinyBBackendTest extends BleBackendContract {

    @BeforeAll
    static void systemBusIsTheFake() throws IOException {
        String expected = "unix:path=" + FakeBluezExtension.socket();
        assumeTrue(expected.equals(System.getenv("DBUS_SYSTEM_BUS_ADDRESS")),
                "skipping TinyB tests: TinyB only talks to the bus in $DBUS_SYSTEM_BUS_ADDRESS, which must be "
                        + expected + " (run through Maven, which sets it)");
        assumeTrue("amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(System.getProperty("os.arch")),
                "skipping TinyB tests: its bundled natives are tested on x86_64 only");
    }

    @Override
    protected BleAdapter newAdapter(FakeBluez fake) {
        return new TinyBBleAdapter(TinyBOptions.defaults());
    }

    /** TinyB stops notifications only together with clearing its callback, which races (TinyBPeripheral). */
    @Override
    protected boolean unsubscribeStopsNotifying() {
        return false;
    }

    /** TinyB sends no write type: BlueZ picks (a request when the characteristic allows one). */
    @Override
    protected String expectedWriteType(boolean withResponse) {
        return "";
    }

    @Test
    void switchesAPoweredOffAdapterOnOnlyWhenAllowed() throws Exception {
        await(adapter.startScan(a -> { }));
        await(adapter.stopScan());
        fake.properties("/org/bluez/hci0").Set("org.bluez.Adapter1", "Powered", false);
        // TinyB caches properties and learns of the change asynchronously (on its GLib thread, which a
        // loaded machine may run late): wait until it has, asking on the TinyB thread (TinyB must not
        // be called concurrently), at most WAIT_SECONDS; the wait ends as soon as TinyB has seen it
        boolean poweredSeen = true;
        for (int i = 0; i < WAIT_SECONDS * 50 && poweredSeen; i++) {
            poweredSeen = CompletableFuture.supplyAsync(
                    () -> {
                        java.util.List<tinyb.BluetoothAdapter> adapters = tinyb.BluetoothManager.getBluetoothManager().getAdapters();
                        try {
                            return adapters.get(0).getPowered();
                        } finally {
                            NativeWrappers.closeAllBut(adapters, null);
                        }
                    },
                    CompletableFuture.delayedExecutor(i == 0 ? 0 : 20, TimeUnit.MILLISECONDS, TinyBThread.CALLS))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(poweredSeen).as("TinyB saw the adapter switched off within %d s", WAIT_SECONDS).isFalse();
        try (TinyBBleAdapter refusing = new TinyBBleAdapter(TinyBOptions.defaults().withPowerOn(false))) {
            assertThatThrownBy(() -> await(refusing.startScan(a -> { })))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("switched off");
        }
        await(adapter.startScan(a -> { }));
        // TinyB sets D-Bus properties asynchronously (its generated proxy setters do not wait for the
        // reply): the switch reaches BlueZ shortly after the call returns, so wait for it, bounded
        boolean switchedOn = fake.adapterFlag("Powered");
        for (int i = 0; i < WAIT_SECONDS * 50 && !switchedOn; i++) {
            Thread.sleep(20);
            switchedOn = fake.adapterFlag("Powered");
        }
        assertThat(switchedOn).as("BlueZ was asked to switch the adapter on within %d s", WAIT_SECONDS).isTrue();
    }

    @Test
    void passesTheServiceFilterToBluez() throws Exception {
        UUID lovense = UUID.fromString("5a300001-0023-4bd4-bbd5-a6920e4c5653");
        try (TinyBBleAdapter filtered = new TinyBBleAdapter(TinyBOptions.defaults().withServiceUuids(Set.of(lovense)))) {
            await(filtered.startScan(a -> { }));
            Map<String, Variant<?>> filter = fake.control().GetDiscoveryFilter();
            assertThat(filter.get("UUIDs").getValue().toString()).contains(lovense.toString());
            await(filtered.stopScan());
        }
    }

    @Test
    void serviceDiscoveryThatNeverEndsTimesOut() throws Exception {
        fake.control().Configure(FakeBluez.LOVENSE, Map.of("ResolveDelayMs", new Variant<>(-1)));
        try (TinyBBleAdapter impatient = new TinyBBleAdapter(TinyBOptions.defaults()
                .withServiceDiscoveryTimeout(Duration.ofMillis(300)))) {
            BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
            await(impatient.startScan(seen::add));
            scanUntilSeen(seen, Set.of(FakeBluez.LOVENSE));
            await(impatient.stopScan());
            assertThatThrownBy(() -> await(impatient.connect(FakeBluez.LOVENSE)))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("did not resolve");
        }
    }

    @Test
    void anUnknownAdapterIsAClearError() {
        try (TinyBBleAdapter wrong = new TinyBBleAdapter(TinyBOptions.defaults().withAdapterInterface("hci7"))) {
            assertThatThrownBy(() -> await(wrong.open()))
                    .hasCauseInstanceOf(BleException.class).hasMessageContaining("hci7").hasMessageContaining("hci0");
        }
    }

    @Test
    void connectsToAPeripheralThatBluezRecreatedAfterItWasLookedUp() throws Exception {
        BlockingQueue<Advertisement> seen = new LinkedBlockingQueue<>();
        await(adapter.startScan(seen::add));
        scanUntilSeen(seen, Set.of(FakeBluez.LOVENSE));
        await(adapter.stopScan());
        tinyb.BluetoothDevice looked = onTinyB(() -> known(FakeBluez.LOVENSE));
        assertThat(looked).isNotNull();
        // BlueZ drops the peripheral's object and makes a new one at the same path (it went away and came back)
        fake.control().RemovePeripheral(FakeBluez.LOVENSE);
        awaitTinyB(() -> !knows(FakeBluez.LOVENSE));
        fake.control().AddPeripheral("lovense", FakeBluez.LOVENSE, "LVS-Z36");
        awaitTinyB(() -> knows(FakeBluez.LOVENSE));
        // a connect that holds the object looked up before: its properties never change again
        TinyBPeripheral peripheral = new TinyBPeripheral(looked,
                () -> tinyb.BluetoothManager.getBluetoothManager().getDevices(),
                FakeBluez.LOVENSE, "LVS-Z36", TinyBThread.CALLS, Runnable::run, older -> false);
        io.github.buttplugjava.btle.BlePeripheral connected = await(peripheral.connect(Duration.ofSeconds(5)));
        assertThat(connected.services()).containsKey(LOVENSE_SERVICE);
        await(connected.disconnect());
    }

    /**
     * Subscribing and unsubscribing again and again while the peripheral notifies: TinyB's value
     * callback is set once, so its GLib thread never copies a callback being replaced (which
     * corrupted the native heap and aborted the JVM, when unsubscribe cleared the callback).
     */
    @Test
    void subscribeCyclesWhileThePeripheralNotifiesLeaveTinyBIntact() throws Exception {
        io.github.buttplugjava.btle.BlePeripheral lovense = connectLovense();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        long pushUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        Thread pusher = new Thread(() -> {
            for (int i = 0; !done.get() && System.nanoTime() < pushUntil; i++) {
                fake.control().Notify(FakeBluez.LOVENSE, LOVENSE_RX.toString(),
                        ("n" + i + ";").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }, "notify-pusher");
        pusher.start();
        try {
            for (int i = 0; i < 300; i++) {
                await(lovense.subscribe(LOVENSE_SERVICE, LOVENSE_RX, v -> { }));
                await(lovense.unsubscribe(LOVENSE_SERVICE, LOVENSE_RX));
            }
        } finally {
            done.set(true);
            pusher.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        BlockingQueue<String> rx = new LinkedBlockingQueue<>();
        await(lovense.subscribe(LOVENSE_SERVICE, LOVENSE_RX,
                v -> rx.add(new String(v, java.nio.charset.StandardCharsets.US_ASCII))));
        fake.control().Notify(FakeBluez.LOVENSE, LOVENSE_RX.toString(),
                "last;".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String got = rx.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        while (got != null && !got.equals("last;")) {
            got = rx.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(got).isEqualTo("last;");
        assertThat(pusher.isAlive()).isFalse();
    }

    /** The object TinyB has for {@code address} now, or null; call on the TinyB thread. */
    private static tinyb.BluetoothDevice known(String address) {
        return NativeWrappers.keepDevice(tinyb.BluetoothManager.getBluetoothManager().getDevices(), address);
    }

    /** Whether TinyB knows {@code address} now; call on the TinyB thread. */
    private static boolean knows(String address) {
        tinyb.BluetoothDevice d = known(address);
        NativeWrappers.close(d);
        return d != null;
    }

    private static <T> T onTinyB(java.util.function.Supplier<T> call) throws Exception {
        return CompletableFuture.supplyAsync(call, TinyBThread.CALLS).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits (at most 5 s, asking every 20 ms on the TinyB thread) until TinyB's view satisfies {@code condition}. */
    private static void awaitTinyB(java.util.function.BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 250; i++) {
            boolean met = CompletableFuture.supplyAsync(condition::getAsBoolean,
                    CompletableFuture.delayedExecutor(i == 0 ? 0 : 20, TimeUnit.MILLISECONDS, TinyBThread.CALLS))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (met) {
                return;
            }
        }
        throw new AssertionError("TinyB did not see the change within 5 s");
    }
}
