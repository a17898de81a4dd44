package io.github.buttplugjava.transport.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.util.concurrent.TimeUnit;

/** A well-behaved client on a rig's server: it must keep being served while other sockets misbehave. */
final class Bystander implements AutoCloseable {

    final ButtplugClient client;

    private Bystander(ButtplugClient client) {
        this.client = client;
    }

    /** A client named "bystander", connected to {@code rig}'s server. */
    static Bystander on(SimServerRig rig) throws Exception {
        ButtplugClient client = ButtplugClient.builder("bystander").build();
        client.connect(WebSocketConnector.to(rig.server.uri())).get(10, TimeUnit.SECONDS);
        return new Bystander(client);
    }

    /** Fails unless a ping is still answered and the client still connected. */
    void isStillServed() throws Exception {
        client.ping().get(10, TimeUnit.SECONDS);
        assertThat(client.isConnected()).isTrue();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
