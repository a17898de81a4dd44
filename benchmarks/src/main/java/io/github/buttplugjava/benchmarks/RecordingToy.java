package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.sim.SimulatedPeripheral;
import io.github.buttplugjava.btle.sim.ToyBehaviour;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's peripheral behaviour: answers the identification request of its model, and
 * completes the future of {@link #expectWrite()} with the next write that arrives. It keeps no
 * history, so a long run does not grow the heap. Thread-safe.
 */
final class RecordingToy implements ToyBehaviour {

    private static final byte[] LOVENSE_DEVICE_TYPE = "DeviceType;".getBytes(StandardCharsets.US_ASCII);

    private final byte[] identityReply;
    private volatile CompletableFuture<byte[]> expected;
    private volatile long writes;

    RecordingToy(ToyModel model) {
        this.identityReply = model.identityReply();
    }

    /** A future that completes with the next write to the toy; call before sending the command. */
    CompletableFuture<byte[]> expectWrite() {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        expected = f;
        return f;
    }

    /** How many writes arrived since the toy was connected (handshakes included). */
    long writes() {
        return writes;
    }

    @Override
    public void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
        writes++;
        if (identityReply != null && java.util.Arrays.equals(data, LOVENSE_DEVICE_TYPE)) {
            toy.notify(Endpoint.RX, identityReply);
            return;
        }
        CompletableFuture<byte[]> f = expected;
        if (f != null) {
            expected = null;
            f.complete(data);
        }
    }
}
