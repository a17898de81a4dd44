package io.github.buttplugjava.device.hid.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.device.hid.HidBus;
import io.github.buttplugjava.device.hid.HidDeviceInfo;
import io.github.buttplugjava.device.hid.HidPort;
import org.hid4java.HidDevice;
import org.hid4java.HidException;
import org.hid4java.HidManager;
import org.hid4java.HidServices;
import org.hid4java.HidServicesSpecification;
import org.hid4java.ScanMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The HID devices of this machine through hid4java (hidapi): no background scanning thread of
 * hid4java's own, no automatic reads; the library lists the devices when it scans.
 */
public final class Hid4JavaBus implements HidBus {

    private final HidServices services;

    private Hid4JavaBus(HidServices services) {
        this.services = services;
    }

    /**
     * Loads hidapi's native library and starts hid4java without its scanning thread.
     *
     * @return the bus
     * @throws BleException when the native library cannot be loaded on this platform
     */
    public static Hid4JavaBus open() {
        HidServicesSpecification spec = new HidServicesSpecification();
        spec.setAutoStart(false);
        spec.setAutoDataRead(false);
        spec.setAutoShutdown(false);
        spec.setScanMode(ScanMode.NO_SCAN);
        try {
            return new Hid4JavaBus(HidManager.getHidServices(spec));
        } catch (HidException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new BleException("HID (hidapi through hid4java) cannot be used on this platform: " + e.getMessage(), e);
        }
    }

    /**
     * The version of the loaded hidapi.
     *
     * @return e.g. {@code 0.14.0}
     */
    public static String nativeVersion() {
        return HidServices.getNativeVersion();
    }

    @Override
    public List<HidDeviceInfo> devices() {
        List<HidDeviceInfo> out = new ArrayList<>();
        try {
            services.scan();
            for (HidDevice d : services.getAttachedHidDevices()) {
                out.add(new HidDeviceInfo(d.getVendorId() & 0xFFFF, d.getProductId() & 0xFFFF, orEmpty(d.getPath()),
                        orEmpty(d.getProduct()), orEmpty(d.getSerialNumber())));
            }
        } catch (RuntimeException e) {
            throw new BleException("HID devices cannot be listed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public HidPort open(HidDeviceInfo info) {
        HidDevice device = services.getAttachedHidDevices().stream()
                .filter(d -> info.path().equals(d.getPath()))
                .findFirst()
                .orElseThrow(() -> new BleException("HID device " + info.product() + " is no longer attached"));
        if (!device.isOpen() && !device.open()) {
            throw new BleException("HID device " + info.product() + " cannot be opened: " + device.getLastErrorMessage());
        }
        return new HidPort() {
            @Override
            public int write(byte[] report) {
                // hid4java takes the report id apart from the rest of the report
                return device.write(Arrays.copyOfRange(report, 1, report.length), report.length - 1, report[0]);
            }

            @Override
            public int read(byte[] buffer, int timeoutMillis) {
                return device.read(buffer, timeoutMillis);
            }

            @Override
            public void close() {
                device.close();
            }
        };
    }

    @Override
    public void close() {
        services.shutdown();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
