package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.internal.DialSettings;
import io.github.buttplugjava.transport.ws.internal.DialingConnector;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * The demo controller's link to the hub: buttplug-transport-ws's own JDK WebSocket connector
 * whose {@link #drop()} cuts the TCP connection with no close frame, the way a crashed app would,
 * so the demo can show the hub stopping the toys. (buttplug-test-support's crashable connector is
 * for tests and stays out of the shipped CLI.) Single use; one link per demo run.
 */
final class DroppableLink implements ButtplugConnector {

    private final DialingConnector dialer;

    DroppableLink(URI uri) {
        this.dialer = new DialingConnector(DialSettings.defaults(uri));
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener frames) {
        return dialer.connect(frames);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return dialer.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return dialer.close();
    }

    @Override
    public boolean isConnected() {
        return dialer.isConnected();
    }

    /** Cuts the TCP connection without a close frame; the client hears of it as a lost connection. */
    void drop() {
        dialer.cut();
    }
}
