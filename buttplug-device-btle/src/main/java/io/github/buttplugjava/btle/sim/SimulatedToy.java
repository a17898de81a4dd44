package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.Endpoint;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One toy a {@link SimulatedAdapter} offers.
 *
 * @param advertisement what a scan sees
 * @param layout        its GATT services: service UUID to endpoint characteristics
 * @param behaviour     makes the toy's behaviour at each connect
 */
public record SimulatedToy(Advertisement advertisement, Map<UUID, Map<Endpoint, UUID>> layout,
                           Supplier<? extends ToyBehaviour> behaviour) {

    /**
     * Checks for nulls and copies the layout.
     *
     * @param advertisement what a scan sees
     * @param layout its GATT services: service UUID to endpoint characteristics
     * @param behaviour makes the toy's behaviour at each connect
     */
    public SimulatedToy {
        Objects.requireNonNull(advertisement, "advertisement");
        layout = Map.copyOf(layout);
        Objects.requireNonNull(behaviour, "behaviour");
    }
}
