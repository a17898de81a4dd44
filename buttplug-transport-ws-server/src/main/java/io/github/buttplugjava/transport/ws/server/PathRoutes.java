package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ConnectionHandler} that picks a handler by request path, so one {@link WebSocketServer}
 * can serve several things on one port, e.g. {@code /share} and {@code /control/{token}}:
 *
 * <pre>{@code
 * ConnectionHandler routes = PathRoutes.builder()
 *         .exact("/share", agents::adopt)
 *         .prefix("/control/", controllers::adopt)   // gets the full path, token included
 *         .build();
 * }</pre>
 *
 * <p>An exact route wins over a prefix; among prefixes the longest wins. A path no route takes is
 * refused with "no service at this path" (the path itself is never echoed: it may hold a token).
 * Immutable and thread-safe.
 */
public final class PathRoutes implements ConnectionHandler {

    private final Map<String, ConnectionHandler> exact;
    private final List<Map.Entry<String, ConnectionHandler>> prefixes;

    private PathRoutes(Builder b) {
        this.exact = Map.copyOf(b.exact);
        List<Map.Entry<String, ConnectionHandler>> sorted = new ArrayList<>(b.prefixes.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, ConnectionHandler> e) -> e.getKey().length()).reversed());
        this.prefixes = List.copyOf(sorted);
    }

    /**
     * An empty set of routes.
     *
     * @return a new builder with no routes; {@link Builder#build()} on it refuses every path
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Admission onConnection(String path, ButtplugConnector connector) {
        Map.Entry<String, ConnectionHandler> route = route(path);
        if (route == null) {
            return Admission.refuse("no service at this path");
        }
        return route.getValue().onConnection(path, connector);
    }

    /**
     * The route {@code path} takes, never the path itself: an exact route as registered
     * ({@code /share}), a prefix followed by an ellipsis ({@code /control/…}), or
     * {@code unrouted path}.
     *
     * @param path the request path of the socket, as received
     * @return a label safe to log: it holds no part of {@code path} beyond a registered route
     */
    @Override
    public String describe(String path) {
        Map.Entry<String, ConnectionHandler> route = route(path);
        if (route == null) {
            return "unrouted path";
        }
        return exact.containsKey(path) ? route.getKey() : route.getKey() + "…";
    }

    private Map.Entry<String, ConnectionHandler> route(String path) {
        ConnectionHandler handler = exact.get(path);
        if (handler != null) {
            return Map.entry(path, handler);
        }
        for (Map.Entry<String, ConnectionHandler> prefix : prefixes) {
            if (path.startsWith(prefix.getKey()) && path.length() > prefix.getKey().length()) {
                return prefix;
            }
        }
        return null;
    }

    /** Collects routes; not thread-safe. */
    public static final class Builder {
        private final Map<String, ConnectionHandler> exact = new LinkedHashMap<>();
        private final Map<String, ConnectionHandler> prefixes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sockets whose path is exactly {@code path} (e.g. {@code /share}) go to {@code handler}.
         * Registering the same path again replaces its handler.
         *
         * @param path the full request path; starts with {@code /}
         * @param handler what takes the sockets on that path
         * @return this builder
         * @throws IllegalArgumentException when {@code path} does not start with {@code /}
         * @throws NullPointerException when either argument is null
         */
        public Builder exact(String path, ConnectionHandler handler) {
            exact.put(checked(path), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Sockets whose path starts with {@code prefix} and continues (e.g. {@code /control/} takes
         * {@code /control/abc} but not {@code /control/}) go to {@code handler}, with the full path.
         * Registering the same prefix again replaces its handler.
         *
         * @param prefix the start of the request path; starts with {@code /}
         * @param handler what takes the sockets under that prefix; it is handed the full path
         * @return this builder
         * @throws IllegalArgumentException when {@code prefix} does not start with {@code /}
         * @throws NullPointerException when either argument is null
         */
        public Builder prefix(String prefix, ConnectionHandler handler) {
            prefixes.put(checked(prefix), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * The routes.
         *
         * @return an immutable handler holding a copy of the routes given so far; later calls on
         *         this builder do not change it
         */
        public PathRoutes build() {
            return new PathRoutes(this);
        }

        private static String checked(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a route starts with /: " + path);
            }
            return path;
        }
    }
}
