package io.github.buttplugjava.transport.ws.internal;

import java.net.http.WebSocket;

/**
 * Flow control of one JDK WebSocket: asks for one message at a time ({@link WebSocket#request}),
 * and holds the next request back while reading is paused, so a paused link reads nothing more
 * and TCP slows the peer down. Thread-safe.
 */
final class ReadDemand {

    private final WebSocket socket;
    private boolean paused;
    /** A message was handled while paused: one request is owed on resume. */
    private boolean owed;

    ReadDemand(WebSocket socket) {
        this.socket = socket;
    }

    /** The current message is handled: asks for the next one unless paused. */
    void next() {
        synchronized (this) {
            if (paused) {
                owed = true;
                return;
            }
        }
        socket.request(1);
    }

    /** Stops asking for messages. */
    void pause() {
        synchronized (this) {
            paused = true;
        }
    }

    /** Asks again, including the request held back while paused. */
    void resume() {
        boolean ask;
        synchronized (this) {
            paused = false;
            ask = owed;
            owed = false;
        }
        if (ask) {
            socket.request(1);
        }
    }

    synchronized boolean paused() {
        return paused;
    }
}
