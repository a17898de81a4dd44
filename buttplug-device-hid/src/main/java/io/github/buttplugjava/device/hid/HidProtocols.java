package io.github.buttplugjava.device.hid;

import java.util.List;
import java.util.Optional;

/**
 * The HID protocols of the device configuration and the USB ids they take, as the configuration's
 * {@code hid} entries list them ({@code HidProtocolsTest} checks this table against the bundled
 * configuration). Only {@code nintendo-joycon} has a handler; upstream's {@code realtouch} and
 * {@code vorze-cyclone-x} have none in the reference either.
 */
public final class HidProtocols {

    /**
     * One vendor and product id pair of a protocol.
     *
     * @param protocol the protocol id
     * @param vendorId the USB vendor id
     * @param productId the USB product id
     */
    public record Pair(String protocol, int vendorId, int productId) {
    }

    /** Nintendo's vendor id. */
    public static final int NINTENDO = 0x057E;

    /** Joy-Con (L) 0x2006, Joy-Con (R) 0x2007, Pro Controller 0x2009. */
    private static final List<Pair> PAIRS = List.of(
            new Pair("nintendo-joycon", NINTENDO, 0x2007),
            new Pair("nintendo-joycon", NINTENDO, 0x2006),
            new Pair("nintendo-joycon", NINTENDO, 0x2009));

    private HidProtocols() {
    }

    /**
     * Every pair this library drives.
     *
     * @return the pairs
     */
    public static List<Pair> pairs() {
        return PAIRS;
    }

    /**
     * The protocol of a device.
     *
     * @param vendorId the USB vendor id
     * @param productId the USB product id
     * @return the protocol id, or empty when no HID protocol takes the device
     */
    public static Optional<String> protocolOf(int vendorId, int productId) {
        return PAIRS.stream().filter(p -> p.vendorId() == vendorId && p.productId() == productId)
                .map(Pair::protocol).findFirst();
    }
}
