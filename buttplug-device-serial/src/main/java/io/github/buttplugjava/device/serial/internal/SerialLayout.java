package io.github.buttplugjava.device.serial.internal;

import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.internal.PseudoService;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How a serial port appears to the device layer: one pseudo-service whose characteristics are the
 * endpoints a serial protocol uses, {@code tx} (bytes to the device) and {@code rx} (bytes from it).
 * The UUIDs are names inside this library only; nothing on the wire carries them.
 */
public final class SerialLayout {

    /** The pseudo-service of a serial port. */
    public static final UUID SERVICE = UUID.fromString("7365726a-0000-4000-8000-000000000000");
    /** The characteristic that writes to the port. */
    public static final UUID TX = UUID.fromString("7365726a-0000-4000-8000-000000000001");
    /** The characteristic whose notifications are the bytes read from the port. */
    public static final UUID RX = UUID.fromString("7365726a-0000-4000-8000-000000000002");

    static final PseudoService LAYOUT = new PseudoService(SERVICE, TX, RX);
    private static final BtleSpecifier SPECIFIER = LAYOUT.specifier();

    private SerialLayout() {
    }

    /**
     * The endpoint layout for {@link io.github.buttplugjava.btle.HandlerDevice#open}.
     *
     * @return {@code tx} and {@code rx} on the pseudo-service
     */
    public static BtleSpecifier specifier() {
        return SPECIFIER;
    }

    /**
     * The characteristics of the pseudo-service.
     *
     * @return the service with its two characteristics
     */
    public static Map<UUID, Set<UUID>> services() {
        return LAYOUT.services();
    }
}
