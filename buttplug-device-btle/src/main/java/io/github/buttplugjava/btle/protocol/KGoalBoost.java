package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.InputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * KGoal Boost (kegel trainer): pressure inputs only. Notifications on {@code rxpressure} are
 * {@code [00 01 04 nn nn rr rr]}: a normalised (feature 0) and a raw (feature 1) big-endian 16-bit
 * reading; each subscribed feature gets its reading when it changes. The characteristic
 * subscription lives while any feature is subscribed. Battery comes from the standard battery
 * characteristic.
 */
final class KGoalBoost implements ProtocolHandler {

    private static final Logger log = LoggerFactory.getLogger(KGoalBoost.class);

    private final InputListener[] listeners = new InputListener[2];
    private final int[] lastValues = {-1, -1};

    @Override
    public CompletableFuture<Void> subscribeInput(HardwareIo io, int featureIndex, InputType type, InputListener listener) {
        if (type != InputType.PRESSURE || featureIndex < 0 || featureIndex > 1) {
            return ProtocolHandler.super.subscribeInput(io, featureIndex, type, listener);
        }
        boolean first;
        synchronized (this) {
            first = listeners[0] == null && listeners[1] == null;
            listeners[featureIndex] = listener;
            lastValues[featureIndex] = -1;
        }
        if (!first) {
            return CompletableFuture.completedFuture(null);
        }
        io.onNotification(Endpoint.RXPRESSURE, this::onPressure);
        return io.subscribe(Endpoint.RXPRESSURE).whenComplete((v, e) -> {
            if (e != null) {
                synchronized (this) {
                    listeners[featureIndex] = null;
                }
            }
        });
    }

    @Override
    public CompletableFuture<Void> unsubscribeInput(HardwareIo io, int featureIndex, InputType type) {
        if (type != InputType.PRESSURE || featureIndex < 0 || featureIndex > 1) {
            return ProtocolHandler.super.unsubscribeInput(io, featureIndex, type);
        }
        synchronized (this) {
            if (listeners[featureIndex] == null) {
                return CompletableFuture.completedFuture(null);
            }
            listeners[featureIndex] = null;
            if (listeners[0] != null || listeners[1] != null) {
                return CompletableFuture.completedFuture(null);
            }
        }
        io.onNotification(Endpoint.RXPRESSURE, null);
        return io.unsubscribe(Endpoint.RXPRESSURE);
    }

    private void onPressure(byte[] data) {
        if (data.length < 7) {
            log.warn("KGoal Boost pressure notification has {} bytes, expected 7", data.length);
            return;
        }
        int[] values = {((data[3] & 0xff) << 8) | (data[4] & 0xff), ((data[5] & 0xff) << 8) | (data[6] & 0xff)};
        InputListener[] ready = new InputListener[2];
        synchronized (this) {
            for (int i = 0; i < 2; i++) {
                if (listeners[i] != null && lastValues[i] != values[i]) {
                    ready[i] = listeners[i];
                }
                lastValues[i] = values[i];
            }
        }
        for (int i = 0; i < 2; i++) {
            if (ready[i] != null) {
                ready[i].onReading(values[i]);
            }
        }
    }
}
