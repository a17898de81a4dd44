package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The devices of one BLE adapter that this program owns: closing the source stops and disconnects
 * its toys, then closes the adapter (a {@link BleDeviceSource} leaves its adapter open).
 */
final class AdapterDeviceSource implements DeviceSource {

    /** How long closing waits for the toys' stop commands before it closes the adapter anyway. */
    private static final long STOP_TIMEOUT_S = 5;

    private final BleDeviceSource devices;
    private final BleAdapter adapter;

    AdapterDeviceSource(BleDeviceSource devices, BleAdapter adapter) {
        this.devices = devices;
        this.adapter = adapter;
    }

    BleAdapter adapter() {
        return adapter;
    }

    @Override
    public String name() {
        return devices.name();
    }

    @Override
    public void start(DeviceSourceListener listener) {
        devices.start(listener);
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        return devices.startScanning();
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return devices.stopScanning();
    }

    /**
     * Stops every toy and disconnects it, then closes the adapter. Blocks up to ~5 s (this runs
     * when the program ends, so the stop commands must be out before the adapter goes).
     */
    @Override
    public void close() {
        try {
            devices.closeAsync().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closeAsync never fails; on a timeout the adapter is closed anyway
        } finally {
            adapter.close();
        }
    }
}
