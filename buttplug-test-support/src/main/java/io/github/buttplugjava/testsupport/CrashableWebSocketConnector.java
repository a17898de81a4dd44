package io.github.buttplugjava.testsupport;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.internal.DialSettings;
import io.github.buttplugjava.transport.ws.internal.DialingConnector;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ButtplugConnector} that dials a {@code ws://} server like buttplug-transport-ws's
 * {@code WebSocketConnector} (the same JDK WebSocket client underneath, default settings) and can
 * also {@link #crash()}: cut the TCP connection without a close frame, as a killed app or a pulled
 * cable would. For demos and failure tests of servers and hubs.
 *
 * <p>{@link #connect} completes exceptionally with a {@link ConnectorException} when the server
 * cannot be reached; {@link #send} with a {@link ConnectorException} when not connected. The link's
 * end is reported once to {@link FrameListener#onClosed(Throwable)}: {@code null} for an orderly
 * close, the cause otherwise (a {@link ConnectorException} after {@link #crash()}).
 *
 * <p>Threading: as {@code WebSocketConnector}. Single use.
 */
public final class CrashableWebSocketConnector implements ButtplugConnector {

    private final DialingConnector dialer;

    /**
     * A connector to {@code uri}; nothing happens until {@link #connect}.
     *
     * @param uri the server's {@code ws://} URI
     */
    public CrashableWebSocketConnector(URI uri) {
        this.dialer = new DialingConnector(DialSettings.defaults(uri));
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return dialer.connect(listener);
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
    public CompletableFuture<Void> abort(String reason) {
        return dialer.abort(reason);
    }

    /**
     * Cuts the connection with no close frame (the server sees the TCP connection drop) and reports
     * {@link FrameListener#onClosed(Throwable)} with a {@link ConnectorException}, unless the link had
     * already ended. Before the connection is open, it fails the connect.
     */
    public void crash() {
        dialer.cut();
    }

    @Override
    public boolean isConnected() {
        return dialer.isConnected();
    }

    @Override
    public boolean pauseReading() {
        return dialer.pauseReading();
    }

    @Override
    public void resumeReading() {
        dialer.resumeReading();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return dialer.remoteAddress();
    }
}
