package io.github.buttplugjava.btle.tinyb;

import io.github.buttplugjava.btle.BleException;

import java.util.function.Supplier;

/** Runs a TinyB call, turning TinyB's runtime {@code BluetoothException}s into {@link BleException}s. */
final class PeripheralCalls {
    private PeripheralCalls() {
    }

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (BleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BleException(what + ": " + e.getMessage(), e);
        }
    }
}
