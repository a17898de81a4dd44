package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.message.InputReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The client's registered {@link ButtplugClientListener}s, and the one way to call them: each in
 * registration order, a listener that throws logged and skipped. Registration is thread-safe; the
 * calls are made by whoever holds the client's serial executor. The listeners are an immutable
 * list replaced whole on each change (most clients register one or two, once; a hub holds a client
 * per agent link, so no lock or copy-on-write array is kept per client).
 */
final class ListenerFanOut {

    private static final Logger log = LoggerFactory.getLogger(ButtplugClient.class);

    private volatile List<ButtplugClientListener> listeners = List.of();

    synchronized void add(ButtplugClientListener listener) {
        List<ButtplugClientListener> next = new ArrayList<>(listeners);
        next.add(Objects.requireNonNull(listener, "listener"));
        listeners = List.copyOf(next);
    }

    synchronized void remove(ButtplugClientListener listener) {
        List<ButtplugClientListener> next = new ArrayList<>(listeners);
        if (next.remove(listener)) {
            listeners = List.copyOf(next);
        }
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
