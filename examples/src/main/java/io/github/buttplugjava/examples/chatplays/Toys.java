package io.github.buttplugjava.examples.chatplays;

import java.util.concurrent.CompletableFuture;

/** What the chat drives: every toy at one level, or all stopped. {@link RoomToys} is the hub room's. */
public interface Toys {

    /**
     * Runs every toy at {@code level}.
     *
     * @param level from 0 (stopped) to 1 (the highest level this bot may set)
     * @return completes when every toy took it; fails when one could not
     */
    CompletableFuture<Void> level(double level);

    /**
     * Stops every toy.
     *
     * @return completes when every toy took the stop; fails when one could not
     */
    CompletableFuture<Void> stop();
}
