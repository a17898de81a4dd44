package io.github.buttplugjava.device.serial.dongle.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.internal.PseudoPeripheral;
import io.github.buttplugjava.btle.internal.PseudoService;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The toy the dongle is connected to, as a peripheral of the Lovense protocol: a write to
 * {@code tx} (a Lovense command such as {@code Vibrate:10;}) becomes the dongle's
 * {@code command} message for this toy; what the toy answers ({@code toyData}) arrives as an
 * {@code rx} notification. As the reference does, it is named {@code LVS-DongleDevice}, and
 * subscribing always succeeds (the dongle forwards every reply). Once {@link #lost lost} (the toy
 * or the dongle went away) or disconnected, writes fail with a {@link BleException}.
 */
public final class DongleToyPeripheral extends PseudoPeripheral {

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

    private static final PseudoService LAYOUT = new PseudoService(SERVICE, TX, RX);
    private static final BtleSpecifier SPECIFIER = LAYOUT.specifier();

    private final BiFunction<String, String, CompletableFuture<Void>> commands;

    /**
     * A connected toy.
     *
     * @param id the toy's id as the dongle gave it
     * @param commands sends a command (toy id, command text) to the dongle
     */
    public DongleToyPeripheral(String id, BiFunction<String, String, CompletableFuture<Void>> commands) {
        super(Objects.requireNonNull(id, "id"), NAME, "the Lovense dongle's toy", LAYOUT, 0, MAX_COMMAND);
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
        deliver(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected CompletableFuture<Void> send(byte[] data) {
        return commands.apply(address(), new String(data, StandardCharsets.US_ASCII));
    }
}
