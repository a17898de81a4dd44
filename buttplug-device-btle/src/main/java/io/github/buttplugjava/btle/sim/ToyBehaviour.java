package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.Endpoint;

import java.util.concurrent.CompletableFuture;

/**
 * How a simulated toy answers its protocol: replies to writes (by
 * {@link SimulatedPeripheral#notify}), values for reads. Called serially per toy.
 */
public interface ToyBehaviour {

    /**
     * A write arrived. The default ignores it.
     *
     * @param toy the toy written to; use it to {@link SimulatedPeripheral#notify} replies
     * @param endpoint the endpoint written
     * @param data the bytes written
     * @param withResponse whether the writer asked for a response
     */
    default void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
    }

    /**
     * A read arrived. The default fails: the endpoint is not readable.
     *
     * @param toy the toy read from
     * @param endpoint the endpoint read
     * @return a future completing with the value read
     */
    default CompletableFuture<byte[]> onRead(SimulatedPeripheral toy, Endpoint endpoint) {
        return CompletableFuture.failedFuture(new BleException("endpoint " + endpoint.configName() + " is not readable"));
    }

    /**
     * A subscription started ({@code true}) or ended. The default ignores it.
     *
     * @param toy the toy subscribed to
     * @param endpoint the endpoint
     * @param subscribed true when a subscription started, false when it ended
     */
    default void onSubscription(SimulatedPeripheral toy, Endpoint endpoint, boolean subscribed) {
    }
}
