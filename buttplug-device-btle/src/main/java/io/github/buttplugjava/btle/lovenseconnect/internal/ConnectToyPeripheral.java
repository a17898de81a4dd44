package io.github.buttplugjava.btle.lovenseconnect.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.internal.PseudoPeripheral;
import io.github.buttplugjava.btle.internal.PseudoService;
import io.github.buttplugjava.core.PeerText;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One toy of the Lovense app as a peripheral: a write to {@code tx} is an action (ASCII, e.g.
 * {@code Vibrate1:10}) sent to the app for this toy; a read of {@code rx} is one byte, the battery
 * level the app last reported. The UUIDs of {@link #specifier()} are names inside this library
 * only. Once {@link #lost lost} (the app went away or no longer lists the toy) or disconnected,
 * writes and reads fail with a {@link BleException}.
 */
public final class ConnectToyPeripheral extends PseudoPeripheral {

    /** The pseudo-service of a toy. */
    public static final UUID SERVICE = UUID.fromString("6c6f7663-0000-4000-8000-000000000000");
    /** The characteristic that sends actions to the app. */
    public static final UUID TX = UUID.fromString("6c6f7663-0000-4000-8000-000000000001");
    /** The characteristic that reads the battery level. */
    public static final UUID RX = UUID.fromString("6c6f7663-0000-4000-8000-000000000002");
    /** The longest action sent. */
    public static final int MAX_ACTION = 256;

    private static final PseudoService LAYOUT = new PseudoService(SERVICE, TX, RX);
    private static final BtleSpecifier SPECIFIER = LAYOUT.specifier();

    private final ConnectToy toy;
    private final ConnectHttpClient client;
    private volatile int battery;

    /**
     * A connected toy.
     *
     * @param toy the toy as the app listed it
     * @param client the app's API
     */
    public ConnectToyPeripheral(ConnectToy toy, ConnectHttpClient client) {
        super(Objects.requireNonNull(toy, "toy").id(), toy.identifier(), "Lovense Connect toy " + PeerText.forLog(toy.id(), PeerText.MAX_NAME),
                LAYOUT, 0, MAX_ACTION);
        this.toy = toy;
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
    protected CompletableFuture<Void> send(byte[] data) {
        return client.command(toy.id(), new String(data, StandardCharsets.US_ASCII));
    }

    /** One byte, the battery level the app last reported. */
    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        if (!RX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException(what() + " cannot read " + characteristic));
        }
        if (!isConnected()) {
            return CompletableFuture.failedFuture(gone());
        }
        return CompletableFuture.completedFuture(new byte[] {(byte) battery});
    }

    /** Lovense Connect toys have no notifications: always fails. */
    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        return CompletableFuture.failedFuture(new BleException("Lovense Connect toys have no notifications"));
    }

    @Override
    public String toString() {
        return "ConnectToyPeripheral[" + PeerText.forLog(toy.id(), PeerText.MAX_NAME) + " "
                + PeerText.forLog(toy.name(), PeerText.MAX_NAME) + "]";
    }
}
