package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.BtleSpecifier;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How a link that is not BLE (a serial port, a HID device, a toy behind a dongle or an app)
 * appears to the device layer: one pseudo-service with a {@code tx} characteristic (bytes to the
 * device) and an {@code rx} one (bytes from it). The UUIDs are names inside this library only;
 * nothing on the wire carries them.
 *
 * @param service the pseudo-service
 * @param tx the characteristic written to
 * @param rx the characteristic notified or read
 */
public record PseudoService(UUID service, UUID tx, UUID rx) {

    /**
     * A pseudo-service.
     *
     * @param service the pseudo-service
     * @param tx the characteristic written to
     * @param rx the characteristic notified or read
     */
    public PseudoService {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(rx, "rx");
    }

    /**
     * The endpoint layout for {@link io.github.buttplugjava.btle.HandlerDevice#open}.
     *
     * @return {@code tx} and {@code rx} on the pseudo-service
     */
    public BtleSpecifier specifier() {
        return new BtleSpecifier(List.of(), List.of(), Set.of(), Map.of(service, Map.of(Endpoint.TX, tx, Endpoint.RX, rx)));
    }

    /**
     * The characteristics of the pseudo-service, as {@link io.github.buttplugjava.btle.BlePeripheral#services()}.
     *
     * @return the service with its two characteristics
     */
    public Map<UUID, Set<UUID>> services() {
        return Map.of(service, Set.of(tx, rx));
    }
}
