package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.BleException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A connect attempt's wait for BlueZ to resolve a peripheral's GATT services, shared by the BlueZ
 * and TinyB backends (both sit on BlueZ): ends when the services resolve, when the link is lost,
 * or at a deadline. Thread-safe.
 */
public final class ServicesResolution {
    private final String name;
    private final CompletableFuture<Void> resolved = new CompletableFuture<>();

    /** @param name the peripheral's name, for error messages */
    public ServicesResolution(String name) {
        this.name = name;
    }

    /** BlueZ reported the services resolved. */
    public void resolved() {
        resolved.complete(null);
    }

    /**
     * The link ended; a wait still running fails with a {@link BleException} saying {@code why}.
     *
     * @param why the reason, for the error message
     */
    public void lost(String why) {
        resolved.completeExceptionally(new BleException(name + " disconnected while connecting (" + why + ")"));
    }

    /**
     * Whether the wait has not ended yet.
     *
     * @return true until the services resolved, the link was lost or the wait timed out
     */
    public boolean isPending() {
        return !resolved.isDone();
    }

    /**
     * Whether the services resolved (false while waiting, and after a loss or timeout).
     *
     * @return true once the services resolved
     */
    public boolean isResolved() {
        return resolved.isDone() && !resolved.isCompletedExceptionally();
    }

    /**
     * After {@code linkUp}, waits at most {@code timeout} for the services. Completes normally once
     * they resolved; exceptionally with a {@link BleException}: at the deadline, on a loss, or with
     * {@code otherErrors} applied to any other failure (of {@code linkUp}, typically).
     *
     * @param linkUp completes when the link is up
     * @param timeout how long to wait for the services after that
     * @param otherErrors turns any other failure into the {@link BleException} to fail with
     * @return a future completing when the services resolved
     */
    public CompletableFuture<Void> after(CompletableFuture<Void> linkUp, Duration timeout,
                                         Function<Throwable, BleException> otherErrors) {
        return linkUp.thenCompose(v -> resolved.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .handle((v, e) -> {
                    if (e == null) {
                        return null;
                    }
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof TimeoutException) {
                        throw new BleException("connected to " + name + " but BlueZ did not resolve its GATT services"
                                + " within " + timeout.toMillis() + " ms");
                    }
                    throw otherErrors.apply(cause);
                });
    }
}
