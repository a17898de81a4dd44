package io.github.buttplugjava.core.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of one connection that wait for their replies, by Id. The usual case, one request in
 * flight, is held in two fields: no map, no boxed Id, and nothing at all while none waits (a hub
 * holds thousands of idle client connections, one per agent). A map is made only while more than
 * one waits, and let go when it empties. Not thread-safe: used on the connection's serial
 * executor.
 *
 * @param <W> what is kept for a request
 */
final class WaitingRequests<W> {

    /** The Id of {@link #sole}; meaningless while it is null. */
    private long soleId;
    private W sole;
    /** The others waiting, or null when none does. */
    private Map<Long, W> more;

    /** Keeps {@code waiting} under {@code id}, which must not be waiting already. */
    void put(long id, W waiting) {
        if (sole == null) {
            soleId = id;
            sole = waiting;
        } else {
            if (more == null) {
                more = new HashMap<>(4);
            }
            more.put(id, waiting);
        }
    }

    /** Whether a request waits under {@code id}. */
    boolean contains(long id) {
        return (sole != null && soleId == id) || (more != null && more.containsKey(id));
    }

    /** Takes the request waiting under {@code id}; null when none does. */
    W remove(long id) {
        if (sole != null && soleId == id) {
            W w = sole;
            sole = null;
            return w;
        }
        if (more == null) {
            return null;
        }
        W w = more.remove(id);
        if (more.isEmpty()) {
            more = null;
        }
        return w;
    }

    /** Takes every waiting request. */
    List<W> removeAll() {
        List<W> all = new ArrayList<>(more == null ? 1 : more.size() + 1);
        if (sole != null) {
            all.add(sole);
            sole = null;
        }
        if (more != null) {
            all.addAll(more.values());
            more = null;
        }
        return all;
    }
}
