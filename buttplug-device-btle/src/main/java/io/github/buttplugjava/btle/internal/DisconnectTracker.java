package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.BleException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The connected/disconnected state of one peripheral, shared by the backends: fails pending
 * operations and runs each disconnect listener once when the link ends, whoever ended it.
 */
public final class DisconnectTracker {
    private final String description;
    private final Executor listenerExecutor;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new ArrayList<>();
    private String reason;

    /**
     * @param description      how the peripheral is named in error messages, e.g. {@code "LVS-Z36"}
     * @param listenerExecutor where disconnect listeners run
     */
    public DisconnectTracker(String description, Executor listenerExecutor) {
        this.description = description;
        this.listenerExecutor = listenerExecutor;
    }

    /**
     * Whether the link is still up.
     *
     * @return false once {@link #markDisconnected} was called
     */
    public synchronized boolean isConnected() {
        return reason == null;
    }

    /**
     * Starts an operation unless the link is down, and fails it when the link goes down first.
     *
     * @param operation starts the I/O and returns its future
     * @param <T> the operation's result type
     * @return a future completing as the operation does, or failing with {@link #gone()} when the
     *         link goes down first
     */
    public <T> CompletableFuture<T> track(Supplier<CompletableFuture<T>> operation) {
        synchronized (this) {
            if (reason != null) {
                return CompletableFuture.failedFuture(gone());
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        pending.add(result);
        result.whenComplete((v, e) -> pending.remove(result));
        synchronized (this) {
            if (reason != null) {
                result.completeExceptionally(gone());
                return result;
            }
        }
        CompletableFuture<T> started;
        try {
            started = operation.get();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        started.whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(v);
            }
        });
        return result;
    }

    /**
     * Adds a listener run once when the link ends (at once, on the listener executor, if it has).
     *
     * @param listener runs once, on the listener executor
     */
    public void onDisconnect(Runnable listener) {
        synchronized (this) {
            if (reason == null) {
                listeners.add(listener);
                return;
            }
        }
        listenerExecutor.execute(listener);
    }

    /**
     * Marks the link down: fails what is pending and runs the listeners. Only the first call acts.
     *
     * @param why the reason, shown in the exceptions of failed operations
     * @return whether this call was the one that ended the link
     */
    public boolean markDisconnected(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (reason != null) {
                return false;
            }
            reason = why;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        BleException error = gone();
        for (CompletableFuture<?> f : List.copyOf(pending)) {
            f.completeExceptionally(error);
        }
        toRun.forEach(listenerExecutor::execute);
        return true;
    }

    /**
     * The exception for operations on a link that is down.
     *
     * @return a new exception naming the peripheral and the reason
     */
    public synchronized BleException gone() {
        return new BleException(description + " is disconnected (" + reason + ")");
    }
}
