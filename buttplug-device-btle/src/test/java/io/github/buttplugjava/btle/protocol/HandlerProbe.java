package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.DeviceDefinition;

import java.util.concurrent.TimeUnit;

/**
 * A built-in protocol handler identified and initialised for one advertised name against the
 * bundled configuration, over a {@link ScriptedIo}: for encoding tests of protocols that have no
 * upstream device test case.
 */
final class HandlerProbe {

    private static final DeviceConfiguration CONFIG = DeviceConfiguration.bundled();

    final ProtocolHandler handler;
    final DeviceDefinition definition;
    final ScriptedIo io;

    private HandlerProbe(ProtocolHandler handler, DeviceDefinition definition, ScriptedIo io) {
        this.handler = handler;
        this.definition = definition;
        this.io = io;
    }

    static HandlerProbe connect(String protocol, String name) throws Exception {
        return connect(protocol, new ScriptedIo(name));
    }

    static HandlerProbe connect(String protocol, ScriptedIo io) throws Exception {
        Identification id = Protocols.builtIn().factory(protocol).orElseThrow().identify(protocol, io).get(5, TimeUnit.SECONDS);
        DeviceDefinition definition = CONFIG.definition(id.protocol(), id.identifier(), io.address()).orElseThrow();
        ProtocolHandler handler = Protocols.builtIn().factory(id.protocol()).orElseThrow().create(definition);
        handler.initialize(io).get(5, TimeUnit.SECONDS);
        return new HandlerProbe(handler, definition, io);
    }

    /** The write a test expects (groups are not compared). */
    static HardwareCommand write(Endpoint endpoint, boolean withResponse, int... data) {
        return new HardwareCommand.Write(endpoint, Frames.bytes(data), withResponse, 0);
    }
}
