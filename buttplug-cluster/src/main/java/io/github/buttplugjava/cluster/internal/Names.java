package io.github.buttplugjava.cluster.internal;

import java.util.regex.Pattern;

/** The names the cluster puts into NATS subjects and keys: cluster, node and room names. */
public final class Names {

    /** Longest cluster or node name. */
    public static final int MAX_NODE_NAME = 32;

    /** Longest room name in a cluster (a key of the rooms bucket). */
    public static final int MAX_ROOM_NAME = 64;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private Names() {
    }

    /**
     * Checks a cluster or node name: 1..32 of {@code A-Z a-z 0-9 _ -}.
     *
     * @param name the name
     * @param what what it names, for the error
     * @return the name
     * @throws IllegalArgumentException when unusable
     */
    public static String node(String name, String what) {
        return check(name, MAX_NODE_NAME, what);
    }

    /**
     * Checks a room name: 1..64 of {@code A-Z a-z 0-9 _ -} (it is a key of a NATS bucket).
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException when unusable
     */
    public static String room(String name) {
        return check(name, MAX_ROOM_NAME, "a room name in a cluster");
    }

    private static String check(String name, int max, String what) {
        if (name == null || name.isEmpty() || name.length() > max || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to " + max + " characters of A-Z a-z 0-9 _ -");
        }
        return name;
    }
}
