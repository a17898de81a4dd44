package io.github.buttplugjava.transport.ws.server;

import java.net.InetSocketAddress;

/**
 * A connection's name in logs and errors, such as {@code ws #12 127.0.0.1:40312 /share}: the
 * connection's number on this server, the peer's address and, once upgraded, the route it asked
 * for (as {@link ConnectionHandler#describe} gave it: never a token). The text is built only when
 * it is written, so an idle link holds a number and two references instead of its text.
 *
 * @param number the connection's number on this server, from 1
 * @param remote the peer's address (the channel's own)
 * @param route  the route, or null before the upgrade
 */
record LinkLabel(long number, InetSocketAddress remote, String route) {

    /** The label of a connection just accepted, before its upgrade. */
    static LinkLabel accepted(long number, InetSocketAddress remote) {
        return new LinkLabel(number, remote, null);
    }

    /** This label with the route the upgrade asked for. */
    LinkLabel upgradedTo(String route) {
        return new LinkLabel(number, remote, route);
    }

    @Override
    public String toString() {
        String where = remote.getAddress().getHostAddress() + ":" + remote.getPort();
        return "ws #" + number + " " + where + (route == null ? "" : " " + route);
    }
}
