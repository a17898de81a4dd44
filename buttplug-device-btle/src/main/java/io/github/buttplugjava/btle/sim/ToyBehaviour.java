package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.Endpoint;

import java.util.concurrent.CompletableFuture;

/**
 * How a simulated toy answers its protocol: replies to writes (by
 * {@link SimulatedPeripheral#notify}), values for reads. Called serially per toy.
 */
public interface ToyBehaviour {

    /** A write arrived. The default ignores it. */
    default void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
    }

    /** A read arrived. The default fails: the endpoint is not readable. */
    default CompletableFuture<byte[]> onRead(SimulatedPeripheral toy, Endpoint endpoint) {
        return CompletableFuture.failedFuture(new BleException("endpoint " + endpoint.configName() + " is not readable"));
    }

    /** A subscription started ({@code true}) or ended. The default ignores it. */
    default void onSubscription(SimulatedPeripheral toy, Endpoint endpoint, boolean subscribed) {
    }
}
