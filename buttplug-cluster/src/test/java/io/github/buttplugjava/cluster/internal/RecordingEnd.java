package io.github.buttplugjava.cluster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A bridged end for tests: records the frames and the close that reach it. */
final class RecordingEnd implements BridgeEnd {

    final List<String> frames = new ArrayList<>();
    final List<String> afterClose = new ArrayList<>();
    /** Completed by a frame {@code "marker"} (not recorded): everything read before it was handed on. */
    final CompletableFuture<Void> marker = new CompletableFuture<>();
    /** The frames the other end said it sent before its close. */
    final CompletableFuture<Long> closed = new CompletableFuture<>();
    final CompletableFuture<String> reason = new CompletableFuture<>();
    private final String peer;

    RecordingEnd(String peer) {
        this.peer = peer;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public synchronized void fromPeer(String frame) {
        if (frame.equals("marker")) {
            marker.complete(null);
            return;
        }
        (closed.isDone() ? afterClose : frames).add(frame);
    }

    @Override
    public synchronized void peerClosed(String why, long framesSent) {
        reason.complete(why);
        closed.complete(framesSent);
    }

    synchronized int count() {
        return frames.size();
    }
}
