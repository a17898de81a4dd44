package io.github.buttplugjava.device.serial.dongle.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.BtleSpecifier;
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
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The toy the dongle is connected to, as a peripheral of the Lovense protocol: a write to
 * {@code tx} (a Lovense command such as {@code Vibrate:10;}) becomes the dongle's
 * {@code command} message for this toy; what the toy answers ({@code toyData}) arrives as an
 * {@code rx} notification. As the reference does, it is named {@code LVS-DongleDevice}, and
 * subscribing always succeeds (the dongle forwards every reply). Once {@link #lost lost} (the toy
 * or the dongle went away) or disconnected, writes fail with a {@link BleException}.
 */
public final class DongleToyPeripheral implements BlePeripheral {

    private static final Logger log = LoggerFactory.getLogger(DongleToyPeripheral.class);

    /** The name the Lovense protocol sees, as in the reference. */
    public static final String NAME = "LVS-DongleDevice";
    /** The pseudo-service of a dongle toy. */
    public static final UUID SERVICE = UUID.fromString("6c76646e-0000-4000-8000-000000000000");
    /** The characteristic that sends commands to the toy. */
    public static final UUID TX = UUID.fromString("6c76646e-0000-4000-8000-000000000001");
    /** The characteristic whose notifications are the toy's replies. */
    public static final UUID RX = UUID.fromString("6c76646e-0000-4000-8000-000000000002");
    /** The longest command sent. */
    public static final int MAX_COMMAND = 256;

    private static final BtleSpecifier SPECIFIER = new BtleSpecifier(List.of(), List.of(), Set.of(),
            Map.of(SERVICE, Map.of(Endpoint.TX, TX, Endpoint.RX, RX)));

    private final String id;
    private final BiFunction<String, String, CompletableFuture<Void>> commands;
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> rxListener;
    private volatile boolean connected = true;

    /**
     * A connected toy.
     *
     * @param id the toy's id as the dongle gave it
     * @param commands sends a command (toy id, command text) to the dongle
     */
    public DongleToyPeripheral(String id, BiFunction<String, String, CompletableFuture<Void>> commands) {
        this.id = Objects.requireNonNull(id, "id");
        this.commands = Objects.requireNonNull(commands, "commands");
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
     * Delivers a reply of the toy as an {@code rx} notification.
     *
     * @param text what the toy sent, e.g. {@code 85;}
     */
    public void reply(String text) {
        Consumer<byte[]> l = rxListener;
        if (l != null && connected) {
            try {
                l.accept(text.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                log.warn("rx listener of the Lovense dongle's toy failed", e);
            }
        }
    }

    /**
     * Marks the toy gone: later writes fail, the disconnect listeners run once.
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
        log.info("the Lovense dongle's toy is gone: {}", why);
        for (Runnable r : disconnectListeners) {
            if (disconnectListeners.remove(r)) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("disconnect listener of the Lovense dongle's toy failed", e);
                }
            }
        }
    }

    @Override
    public String address() {
        return id;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<UUID, Set<UUID>> services() {
        return Map.of(SERVICE, Set.of(TX, RX));
    }

    @Override
    public CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        if (!TX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("the Lovense dongle's toy cannot write " + characteristic));
        }
        if (data.length > MAX_COMMAND) {
            return CompletableFuture.failedFuture(new BleException("a Lovense command of " + data.length
                    + " bytes exceeds " + MAX_COMMAND));
        }
        if (!connected) {
            return CompletableFuture.failedFuture(gone());
        }
        return commands.apply(id, new String(data, StandardCharsets.US_ASCII));
    }

    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        return CompletableFuture.failedFuture(new BleException("the Lovense dongle's toy has no readable endpoint"));
    }

    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        if (!RX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("the Lovense dongle's toy cannot notify " + characteristic));
        }
        rxListener = Objects.requireNonNull(listener, "listener");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        if (RX.equals(characteristic)) {
            rxListener = null;
        }
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

    @Override
    public CompletableFuture<Void> disconnect() {
        lost("closed by the library");
        return CompletableFuture.completedFuture(null);
    }

    private BleException gone() {
        return new BleException("the Lovense dongle's toy is disconnected");
    }

    @Override
    public String toString() {
        return "DongleToyPeripheral[" + NAME + "]";
    }
}
