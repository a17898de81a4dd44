package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.core.message.InputType;

import java.util.concurrent.CompletableFuture;

/** What every Lovense handler shares whatever its command shape: the battery read. */
abstract class LovenseMode implements ProtocolHandler {

    @Override
    public final CompletableFuture<Integer> readInput(HardwareIo io, int featureIndex, InputType type) {
        if (type != InputType.BATTERY) {
            return ProtocolHandler.super.readInput(io, featureIndex, type);
        }
        return LovenseBattery.read(io);
    }
}
