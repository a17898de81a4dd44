package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.config.DeviceDefinition;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one protocol meets a connected device: it identifies the model (before the device's
 * definition is known), then makes a fresh {@link ProtocolHandler} from the device's definition.
 * The definition picks and configures the handler (Lovense picks one handler per command shape;
 * a handler is given the counts it needs), so the handler itself does not read the configuration.
 */
@FunctionalInterface
public interface ProtocolFactory {

    /**
     * Finds the model identifier; the default is the advertised name, with no I/O.
     *
     * @param protocol the protocol id the advertisement matched
     * @param io       the device's endpoints
     * @return the identification; its protocol may name another protocol to hand over to
     */
    default CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return CompletableFuture.completedFuture(new Identification(protocol, io.name()));
    }

    /**
     * A new handler for one identified device, with no state shared with other devices.
     *
     * @param definition what the device is, from the configuration
     * @return the handler
     */
    ProtocolHandler create(DeviceDefinition definition);

    /**
     * A factory of a handler that needs nothing from the definition, identified by name.
     *
     * @param handler makes a handler
     * @return the factory
     */
    static ProtocolFactory of(Supplier<? extends ProtocolHandler> handler) {
        Objects.requireNonNull(handler, "handler");
        return definition -> handler.get();
    }

    /**
     * A factory with its own identification.
     *
     * @param identifier finds the model identifier
     * @param handler    makes the handler from the definition
     * @return the factory
     */
    static ProtocolFactory of(Identifier identifier, Function<DeviceDefinition, ? extends ProtocolHandler> handler) {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(handler, "handler");
        return new ProtocolFactory() {
            @Override
            public CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
                return identifier.identify(protocol, io);
            }

            @Override
            public ProtocolHandler create(DeviceDefinition definition) {
                return handler.apply(definition);
            }
        };
    }

    /** How a protocol finds a device's model identifier (reading a characteristic, asking the device). */
    @FunctionalInterface
    interface Identifier {

        /**
         * Finds the model identifier.
         *
         * @param protocol the protocol id the advertisement matched
         * @param io       the device's endpoints
         * @return the identification
         */
        CompletableFuture<Identification> identify(String protocol, HardwareIo io);
    }
}
