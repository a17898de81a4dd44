package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A simulated BLE adapter offering a fixed set of toys. A scan reports every toy's advertisement
 * once, on the executor; {@link #connect} gives a fresh {@link SimulatedPeripheral}. Thread-safe.
 */
public final class SimulatedAdapter implements BleAdapter {

    private final Map<String, SimulatedToy> toys = new LinkedHashMap<>();
    private final Map<String, SimulatedPeripheral> connected = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<SimulatedPeripheral>> connections = new ConcurrentHashMap<>();
    private final Executor executor;
    private final List<Consumer<SimulatedWrite>> writeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean scanning;
    private volatile boolean closed;

    /**
     * An adapter with toys.
     *
     * @param executor runs scan reports and the toys' notifications
     * @param toys the toys, each at its own address
     * @throws IllegalArgumentException when two toys share an address
     */
    public SimulatedAdapter(List<SimulatedToy> toys, Executor executor) {
        for (SimulatedToy t : toys) {
            if (this.toys.put(t.advertisement().address(), t) != null) {
                throw new IllegalArgumentException("two simulated toys at " + t.advertisement().address());
            }
        }
        this.executor = executor;
    }

    @Override
    public String name() {
        return "simulated";
    }

    /**
     * The toys' advertisements.
     *
     * @return every toy's advertisement, in the order given
     */
    public List<Advertisement> advertisements() {
        List<Advertisement> out = new ArrayList<>();
        toys.values().forEach(t -> out.add(t.advertisement()));
        return out;
    }

    @Override
    public CompletableFuture<Void> startScan(Consumer<Advertisement> listener) {
        if (closed) {
            return CompletableFuture.failedFuture(new BleException("adapter is closed"));
        }
        scanning = true;
        List<Advertisement> ads = advertisements();
        executor.execute(() -> {
            for (Advertisement ad : ads) {
                if (!scanning) {
                    return;
                }
                listener.accept(ad);
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScan() {
        scanning = false;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<BlePeripheral> connect(String address) {
        SimulatedToy toy = toys.get(address);
        if (toy == null || closed) {
            return CompletableFuture.failedFuture(new BleException("no simulated toy at " + address));
        }
        SimulatedPeripheral p = new SimulatedPeripheral(address, toy.advertisement().name(), toy.layout(),
                reportingWrites(address, toy.behaviour().get()), executor);
        SimulatedPeripheral old = connected.put(address, p);
        if (old != null) {
            old.disconnect();
        }
        connections.computeIfAbsent(address, a -> new CompletableFuture<>()).complete(p);
        return CompletableFuture.completedFuture(p);
    }

    /**
     * Calls {@code listener} with every write any toy of this adapter receives from now on, on the
     * writer's thread, after the toy's behaviour has seen it. For tests and logs.
     *
     * @param listener receives each write; must not block
     */
    public void addWriteListener(Consumer<SimulatedWrite> listener) {
        writeListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    private ToyBehaviour reportingWrites(String address, ToyBehaviour behaviour) {
        return new ToyBehaviour() {
            @Override
            public void onWrite(SimulatedPeripheral toy, io.github.buttplugjava.btle.Endpoint endpoint, byte[] data,
                                boolean withResponse) {
                behaviour.onWrite(toy, endpoint, data, withResponse);
                if (!writeListeners.isEmpty()) {
                    SimulatedWrite write = new SimulatedWrite(address, endpoint, data, withResponse);
                    writeListeners.forEach(l -> l.accept(write));
                }
            }

            @Override
            public CompletableFuture<byte[]> onRead(SimulatedPeripheral toy, io.github.buttplugjava.btle.Endpoint endpoint) {
                return behaviour.onRead(toy, endpoint);
            }

            @Override
            public void onSubscription(SimulatedPeripheral toy, io.github.buttplugjava.btle.Endpoint endpoint,
                                       boolean subscribed) {
                behaviour.onSubscription(toy, endpoint, subscribed);
            }
        };
    }

    /**
     * The connected peripheral at an address, if any.
     *
     * @param address the toy's address
     * @return the peripheral of its current connection, or empty when it is not connected
     */
    public Optional<SimulatedPeripheral> peripheral(String address) {
        return Optional.ofNullable(connected.get(address));
    }

    /**
     * Completes with the peripheral of the first connection to an address.
     *
     * @param address the toy's address
     * @return a future completing with the peripheral when the toy is first connected (at once when
     *         it already was)
     */
    public CompletableFuture<SimulatedPeripheral> whenConnected(String address) {
        return connections.computeIfAbsent(address, a -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        closed = true;
        scanning = false;
        connected.values().forEach(SimulatedPeripheral::disconnect);
        connected.clear();
    }
}
