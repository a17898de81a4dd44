package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.Endpoint;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One write a simulated toy received, as {@link SimulatedAdapter#addWriteListener} reports it.
 *
 * @param address      the toy's address
 * @param endpoint     the endpoint written
 * @param data         the bytes (a copy)
 * @param withResponse whether the write asked for a response
 */
public record SimulatedWrite(String address, Endpoint endpoint, byte[] data, boolean withResponse) {

    /**
     * Checks for nulls and copies the data.
     *
     * @param address the toy's address
     * @param endpoint the endpoint written
     * @param data the bytes (a copy)
     * @param withResponse whether the write asked for a response
     */
    public SimulatedWrite {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(endpoint, "endpoint");
        data = data.clone();
    }

    /**
     * The bytes (a copy).
     *
     * @return a copy of the bytes written
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The bytes as ASCII text (for text protocols such as Lovense's).
     *
     * @return the bytes decoded as US-ASCII
     */
    public String text() {
        return new String(data, StandardCharsets.US_ASCII);
    }
}
