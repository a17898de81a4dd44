package io.github.buttplugjava.transport.ws.internal;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link WebSocket} that records what the link does to it: requests, texts, pings, the close
 * frame and an abort. Sends complete at once unless {@link #holdSends} is set.
 */
final class FakeWebSocket implements WebSocket {

    final List<String> texts = new ArrayList<>();
    int requested;
    int pings;
    int closeCode = -1;
    String closeReason;
    boolean aborted;
    boolean holdSends;
    final List<CompletableFuture<WebSocket>> heldSends = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        texts.add(data.toString());
        if (holdSends) {
            CompletableFuture<WebSocket> held = new CompletableFuture<>();
            heldSends.add(held);
            return held;
        }
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
        throw new AssertionError("the link never sends binary");
    }

    @Override
    public synchronized CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
        pings++;
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public synchronized CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
        if (closeCode < 0) {
            closeCode = statusCode;
            closeReason = reason;
        }
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public synchronized void request(long n) {
        requested += (int) n;
    }

    @Override
    public String getSubprotocol() {
        return "";
    }

    @Override
    public synchronized boolean isOutputClosed() {
        return closeCode >= 0 || aborted;
    }

    @Override
    public synchronized boolean isInputClosed() {
        return aborted;
    }

    @Override
    public synchronized void abort() {
        aborted = true;
    }
}
