package io.github.buttplugjava.examples.programs;

import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A hub on 127.0.0.1 with one room, for the {@code Share*IT} programs: the command line of a share
 * agent linking to it and a controller of the room. Closing closes the hub.
 */
final class SharingHub implements AutoCloseable {

    private final RemoteServer hub;
    private final Room room;
    private final String shareToken;

    private SharingHub(RemoteServer hub, Room room, String shareToken) {
        this.hub = hub;
        this.room = room;
        this.shareToken = shareToken;
    }

    /** Starts a hub with the room {@code name}, whose agents give {@code shareToken} and whose controller gives {@code controlToken}. */
    static SharingHub start(String name, String shareToken, String controlToken) throws IOException {
        RemoteServer hub = RemoteServer.builder().host("127.0.0.1").port(0).build();
        Room room = hub.addRoom(name, AccessToken.of(shareToken), AccessToken.of(controlToken));
        hub.start();
        return new SharingHub(hub, room, shareToken);
    }

    /** The arguments of {@code buttplug share} linking to this hub's room, then {@code more}. */
    String[] shareCommand(String... more) {
        List<String> args = new ArrayList<>(List.of("share", "--hub", hub.shareUri().toString(), "--token", shareToken));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A controller of the room, connected. */
    ControllerClient controller(String clientName) throws Exception {
        return ControllerClient.connect(hub.controlUri(room), clientName);
    }

    @Override
    public void close() {
        hub.close();
    }
}
