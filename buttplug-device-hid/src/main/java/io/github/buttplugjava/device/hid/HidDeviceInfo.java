package io.github.buttplugjava.device.hid;

import java.util.Objects;

/**
 * One HID device as the bus lists it.
 *
 * @param vendorId     the USB vendor id, 0..65535
 * @param productId    the USB product id, 0..65535
 * @param path         the platform's path of the device (unique while it is attached)
 * @param product      the product string, possibly empty
 * @param serialNumber the serial number, possibly empty (such devices are not used, as in the reference)
 */
public record HidDeviceInfo(int vendorId, int productId, String path, String product, String serialNumber) {

    /**
     * Checks the parts.
     *
     * @param vendorId the USB vendor id, 0..65535
     * @param productId the USB product id, 0..65535
     * @param path the platform's path of the device
     * @param product the product string, possibly empty
     * @param serialNumber the serial number, possibly empty
     * @throws IllegalArgumentException when an id is out of range
     * @throws NullPointerException when a text is null
     */
    public HidDeviceInfo {
        if (vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
            throw new IllegalArgumentException("HID vendor and product ids are 0..65535, got " + vendorId + ":" + productId);
        }
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(serialNumber, "serialNumber");
    }
}
