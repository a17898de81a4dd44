package io.github.buttplugjava.core.device;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Device} that forwards every call to another device, its {@link #delegate()}. Subclasses
 * override only the calls they change (a new name, a check before a command, a narration) and
 * inherit the rest, so a wrapper never silently misses a method {@link Device} gains later.
 *
 * <p>{@link #outputs} is the one call not forwarded as it is: it is split into
 * {@link #output(int, OutputCommand)} calls (the {@link Device} default), so a subclass that checks
 * or changes {@code output} sees every command, also the parts of a multi-feature one. A subclass
 * that wants the delegate to get such a command whole (to keep it one frame on the wire) overrides
 * {@code outputs} too, applying its own rule to every part before it hands the list on.
 *
 * <p>Forwarding adds no synchronization and no state: the wrapper is as thread-safe as its
 * delegate and its own overrides. Equality is identity, as for any device, unless a subclass says
 * otherwise.
 */
public abstract class ForwardingDevice implements Device {

    private final Device delegate;

    /**
     * A wrapper of {@code delegate}.
     *
     * @param delegate the device every call not overridden goes to
     * @throws NullPointerException when {@code delegate} is null
     */
    protected ForwardingDevice(Device delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The device calls are forwarded to.
     *
     * @return the wrapped device, never null
     */
    protected final Device delegate() {
        return delegate;
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public String identifier() {
        return delegate.identifier();
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public String name() {
        return delegate.name();
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public Optional<String> displayName() {
        return delegate.displayName();
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public long timingGapMs() {
        return delegate.timingGapMs();
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public List<DeviceFeature> features() {
        return delegate.features();
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        return delegate.output(featureIndex, command);
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return delegate.read(featureIndex, type);
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        return delegate.subscribe(featureIndex, type, listener);
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        return delegate.unsubscribe(featureIndex, type);
    }

    /** {@inheritDoc} Forwarded to the delegate. */
    @Override
    public CompletableFuture<Void> stop() {
        return delegate.stop();
    }
}
