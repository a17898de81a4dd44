package io.github.buttplugjava.btle.conformance;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.protocol.HardwareCommand;
import io.github.buttplugjava.btle.sim.SimulatedPeripheral;
import io.github.buttplugjava.btle.sim.ToyBehaviour;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/** A simulated toy that records every write and (un)subscribe, and answers reads from a script. */
final class RecordingToy implements ToyBehaviour {

    final BlockingQueue<HardwareCommand> recorded = new LinkedBlockingQueue<>();
    private final Deque<Object[]> reads = new ArrayDeque<>();

    @Override
    public void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
        recorded.add(new HardwareCommand.Write(endpoint, data, withResponse, 0));
    }

    @Override
    public void onSubscription(SimulatedPeripheral toy, Endpoint endpoint, boolean subscribed) {
        recorded.add(subscribed ? new HardwareCommand.Subscribe(endpoint) : new HardwareCommand.Unsubscribe(endpoint));
    }

    private final Deque<CompletableFuture<Object[]>> waiting = new ArrayDeque<>();

    void addRead(Endpoint endpoint, byte[] data) {
        CompletableFuture<Object[]> waiter;
        synchronized (this) {
            waiter = waiting.poll();
            if (waiter == null) {
                reads.add(new Object[] {endpoint, data});
                return;
            }
        }
        waiter.complete(new Object[] {endpoint, data});
    }

    /** Answers with the next scripted read, waiting up to 2 s for the script to provide one. */
    @Override
    public CompletableFuture<byte[]> onRead(SimulatedPeripheral toy, Endpoint endpoint) {
        CompletableFuture<Object[]> next;
        synchronized (this) {
            Object[] ready = reads.poll();
            if (ready != null) {
                next = CompletableFuture.completedFuture(ready);
            } else {
                next = new CompletableFuture<>();
                waiting.add(next);
            }
        }
        return next.orTimeout(2, java.util.concurrent.TimeUnit.SECONDS).thenApply(r -> {
            if (r[0] != endpoint) {
                throw new BleException("read of " + endpoint.configName()
                        + " while the script has one for " + ((Endpoint) r[0]).configName());
            }
            return (byte[]) r[1];
        });
    }
}
