package io.github.buttplugjava.remote.agent;

/**
 * Hears who joins and leaves the room an agent shares into and who drives each of its toys (see
 * {@link RemoteClient.Builder#presenceListener}). Called one event at a time, in order, on the
 * agent's own thread (the same as its {@link RemoteClient.Listener}); must not block.
 */
@FunctionalInterface
public interface PresenceListener {

    /**
     * Something changed.
     *
     * @param event what changed, with the picture after it
     */
    void presence(PresenceEvent event);
}
