package io.github.buttplugjava.remote.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Runs reconciles one at a time, in the order they were queued, on the filter's scheduler: each
 * starts when the one before it has finished (its stop confirmed, its events sent). A failed one
 * is logged and does not hold back those after it. Not thread-safe: {@link GrantFilter} queues
 * under its lock.
 */
final class ReconcileQueue {

    private static final Logger log = LoggerFactory.getLogger(GrantFilter.class);

    private final Executor executor;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    ReconcileQueue(Executor executor) {
        this.executor = executor;
    }

    /**
     * Queues {@code reconcile} of each id.
     *
     * @return completes when the last of them is done; fails when one of them failed
     */
    CompletableFuture<Void> enqueue(List<String> ids, Function<String, CompletableFuture<Void>> reconcile) {
        CompletableFuture<Void> result = tail;
        for (String id : ids) {
            result = result.thenComposeAsync(v -> reconcile.apply(id), executor);
        }
        tail = result.exceptionally(e -> {
            log.warn("grant change failed", e);
            return null;
        });
        return result;
    }
}
