package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.internal.LatestWins;
import io.github.buttplugjava.core.internal.OutputStops;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StopCmd;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One device of a remote server, driven through a {@link ButtplugClient} with plain v4 requests.
 * Failures that are not the server's own device or message errors (a dropped link, a timeout)
 * become {@link ButtplugDeviceException}: to whoever drives this device, it is gone. Error texts
 * from the server are {@linkplain PeerText#error cleaned} before they go further.
 *
 * <p>Outputs are {@linkplain LatestWins coalesced} per feature: at most one OutputCmd in flight to
 * the server and one waiting; a newer command replaces the waiting one. So a controller however
 * fast costs the server (an agent) at most one request per feature per reply, and the server's
 * replies stay bounded by what it was sent. A 0 to a speed-like output, and {@link #stop()}, drop
 * what waits and are sent at once (a second 0 while one is in flight waits for that one only).
 * Every request has the client's request timeout as its deadline.
 */
final class ClientDevice implements Device {

    private final ButtplugClient client;
    private final ButtplugClientDevice device;
    private final InputSubscriptions<Long, InputListener> subscriptions = new InputSubscriptions<>();
    private final LatestWins outputs = new LatestWins();
    private volatile boolean gone;

    ClientDevice(ButtplugClient client, ButtplugClientDevice device) {
        this.client = client;
        this.device = device;
    }

    void gone() {
        gone = true;
        subscriptions.clear();
        outputs.close(new ButtplugDeviceException(PeerText.name(name()) + " is gone"));
    }

    void deliver(InputReading reading) {
        InputListener l = subscriptions.get(key(reading.featureIndex(), reading.type()));
        if (l != null) {
            l.onReading(reading.value());
        }
    }

    @Override
    public String identifier() {
        return Integer.toString(device.index());
    }

    @Override
    public String name() {
        return device.name();
    }

    @Override
    public Optional<String> displayName() {
        return device.displayName();
    }

    @Override
    public long timingGapMs() {
        return device.timingGapMs();
    }

    @Override
    public List<DeviceFeature> features() {
        return device.features();
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        java.util.function.Supplier<CompletableFuture<Void>> write =
                () -> send(new OutputCmd(1, device.index(), featureIndex, command)).thenApply(m -> null);
        // a 0 to a speed-like output goes past a command in flight (the agent may hold that one
        // for its grant interval), so it is never stuck behind it
        return OutputStops.stops(command) ? outputs.stop(featureIndex, write) : outputs.submit(featureIndex, 0, write);
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return send(new InputCmd(1, device.index(), featureIndex, type, InputCommandType.READ))
                .thenApply(m -> {
                    if (m instanceof InputReading r) {
                        return r.value();
                    }
                    throw new ButtplugDeviceException("expected an InputReading, got " + m.messageName());
                });
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        subscriptions.put(key(featureIndex, type), listener);
        return send(new InputCmd(1, device.index(), featureIndex, type, InputCommandType.SUBSCRIBE))
                .thenApply(m -> null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        if (subscriptions.remove(key(featureIndex, type)) == null) {
            return CompletableFuture.completedFuture(null);
        }
        return send(new InputCmd(1, device.index(), featureIndex, type, InputCommandType.UNSUBSCRIBE))
                .thenApply(m -> null);
    }

    @Override
    public CompletableFuture<Void> stop() {
        // drop what waits first, so nothing waiting can be sent after the stop
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        outputs.dropAll(stopped);
        send(StopCmd.device(1, device.index())).whenComplete((m, e) -> {
            if (e == null) {
                stopped.complete(null);
            } else {
                stopped.completeExceptionally(e);
            }
        });
        return stopped;
    }

    private CompletableFuture<ServerMessage> send(io.github.buttplugjava.core.message.ClientMessage message) {
        if (gone) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(PeerText.name(name()) + " is gone"));
        }
        CompletableFuture<ServerMessage> result = new CompletableFuture<>();
        client.request(message).whenComplete((m, e) -> {
            if (e == null) {
                result.complete(m);
                return;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ButtplugException be && !gone
                    && (be.code() == ErrorCode.DEVICE || be.code() == ErrorCode.MSG)) {
                result.completeExceptionally(ButtplugException.of(be.code(), PeerText.error(be.getMessage())));
            } else {
                result.completeExceptionally(new ButtplugDeviceException(
                        PeerText.name(name()) + " is gone: " + PeerText.error(cause.getMessage()), cause));
            }
        });
        return result;
    }

    private static long key(int featureIndex, InputType type) {
        return ((long) featureIndex << 8) | type.ordinal();
    }
}
