package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.message.InputReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The client's registered {@link ButtplugClientListener}s, and the one way to call them: each in
 * registration order, a listener that throws logged and skipped. Registration is thread-safe; the
 * calls are made by whoever holds the client's serial executor.
 */
final class ListenerFanOut {

    private static final Logger log = LoggerFactory.getLogger(ButtplugClient.class);

    private final List<ButtplugClientListener> listeners = new CopyOnWriteArrayList<>();

    void add(ButtplugClientListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(ButtplugClientListener listener) {
        listeners.remove(listener);
    }

    void deviceAdded(ButtplugClientDevice device) {
        each(l -> l.deviceAdded(device));
    }

    void deviceRemoved(ButtplugClientDevice device) {
        each(l -> l.deviceRemoved(device));
    }

    void scanningFinished() {
        each(ButtplugClientListener::scanningFinished);
    }

    void inputReading(ButtplugClientDevice device, InputReading reading) {
        each(l -> l.inputReading(device, reading));
    }

    void error(ButtplugException error) {
        each(l -> l.error(error));
    }

    void disconnected(Throwable cause) {
        each(l -> l.disconnected(cause));
    }

    private void each(Consumer<ButtplugClientListener> call) {
        for (ButtplugClientListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("client listener failed", e);
            }
        }
    }
}
