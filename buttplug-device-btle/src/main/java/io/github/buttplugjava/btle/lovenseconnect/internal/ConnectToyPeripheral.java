package io.github.buttplugjava.btle.lovenseconnect.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.core.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One toy of the Lovense app as a peripheral: a write to {@code tx} is an action (ASCII, e.g.
 * {@code Vibrate1:10}) sent to the app for this toy; a read of {@code rx} is one byte, the battery
 * level the app last reported. The UUIDs of {@link #specifier()} are names inside this library
 * only. Once {@link #lost lost} (the app went away or no longer lists the toy) or disconnected,
 * writes and reads fail with a {@link BleException}.
 */
public final class ConnectToyPeripheral implements BlePeripheral {

    private static final Logger log = LoggerFactory.getLogger(ConnectToyPeripheral.class);

    /** The pseudo-service of a toy. */
    public static final UUID SERVICE = UUID.fromString("6c6f7663-0000-4000-8000-000000000000");
    /** The characteristic that sends actions to the app. */
    public static final UUID TX = UUID.fromString("6c6f7663-0000-4000-8000-000000000001");
    /** The characteristic that reads the battery level. */
    public static final UUID RX = UUID.fromString("6c6f7663-0000-4000-8000-000000000002");
    /** The longest action sent. */
    public static final int MAX_ACTION = 256;

    private static final BtleSpecifier SPECIFIER = new BtleSpecifier(List.of(), List.of(), Set.of(),
            Map.of(SERVICE, Map.of(Endpoint.TX, TX, Endpoint.RX, RX)));

    private final ConnectToy toy;
    private final ConnectHttpClient client;
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private volatile int battery;
    private volatile boolean connected = true;

    /**
     * A connected toy.
     *
     * @param toy the toy as the app listed it
     * @param client the app's API
     */
    public ConnectToyPeripheral(ConnectToy toy, ConnectHttpClient client) {
        this.toy = Objects.requireNonNull(toy, "toy");
        this.client = Objects.requireNonNull(client, "client");
        this.battery = toy.battery();
    }

    /**
     * The endpoint layout for {@link io.github.buttplugjava.btle.HandlerDevice#open}.
     *
     * @return {@code tx} and {@code rx} on the pseudo-service
     */
    public static BtleSpecifier specifier() {
        return SPECIFIER;
    }

    /**
     * Records the battery level of a newer toy list.
     *
     * @param level 0..100
     */
    public void battery(int level) {
        battery = level;
    }

    @Override
    public String address() {
        return toy.id();
    }

    /** The model identifier ({@link ConnectToy#identifier()}), which the protocol identifies the toy by. */
    @Override
    public String name() {
        return toy.identifier();
    }

    @Override
    public Map<UUID, Set<UUID>> services() {
        return Map.of(SERVICE, Set.of(TX, RX));
    }

    @Override
    public CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        if (!TX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("Lovense Connect toy cannot write " + characteristic));
        }
        if (data.length > MAX_ACTION) {
            return CompletableFuture.failedFuture(new BleException("Lovense Connect action of " + data.length
                    + " bytes exceeds " + MAX_ACTION));
        }
        if (!connected) {
            return CompletableFuture.failedFuture(gone());
        }
        return client.command(toy.id(), new String(data, StandardCharsets.US_ASCII));
    }

    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        if (!RX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("Lovense Connect toy cannot read " + characteristic));
        }
        if (!connected) {
            return CompletableFuture.failedFuture(gone());
        }
        return CompletableFuture.completedFuture(new byte[] {(byte) battery});
    }

    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        return CompletableFuture.failedFuture(new BleException("Lovense Connect toys have no notifications"));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onDisconnect(Runnable listener) {
        disconnectListeners.add(Objects.requireNonNull(listener, "listener"));
        if (!connected && disconnectListeners.remove(listener)) {
            listener.run();
        }
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    /**
     * Marks the toy gone: later writes and reads fail; the disconnect listeners run.
     *
     * @return completes at once
     */
    @Override
    public CompletableFuture<Void> disconnect() {
        lost("closed by the library");
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Marks the toy gone because the app went away or no longer lists it.
     *
     * @param why for the log
     */
    public void lost(String why) {
        synchronized (this) {
            if (!connected) {
                return;
            }
            connected = false;
        }
        log.info("Lovense Connect toy {} is gone: {}", PeerText.forLog(toy.id(), PeerText.MAX_NAME), why);
        for (Runnable r : disconnectListeners) {
            if (!disconnectListeners.remove(r)) {
                continue;
            }
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("disconnect listener of Lovense Connect toy {} failed", PeerText.forLog(toy.id(), PeerText.MAX_NAME), e);
            }
        }
    }

    private BleException gone() {
        return new BleException("Lovense Connect toy " + toy.id() + " is disconnected");
    }

    @Override
    public String toString() {
        return "ConnectToyPeripheral[" + PeerText.forLog(toy.id(), PeerText.MAX_NAME) + " "
                + PeerText.forLog(toy.name(), PeerText.MAX_NAME) + "]";
    }
}
