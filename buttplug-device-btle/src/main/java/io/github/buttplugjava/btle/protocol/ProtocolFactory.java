package io.github.buttplugjava.btle.protocol;

/** Makes a fresh {@link ProtocolHandler} for each connected device. */
@FunctionalInterface
public interface ProtocolFactory {

    /**
     * A new handler, with no state shared with other devices.
     *
     * @return a handler for one device
     */
    ProtocolHandler create();
}
