package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code serve} command running in this JVM with our client connected over WebSocket and
 * scanning: what the {@code Serve*Test} classes drive. Closing disconnects the client, then stops
 * the server (which stops its toys first).
 */
final class ServedClient implements AutoCloseable {

    private final ServeCommand.Running running;
    private final ButtplugClient client;
    private final BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();

    private ServedClient(ServeCommand.Running running, String clientName) {
        this.running = running;
        this.client = ButtplugClient.builder(clientName).build();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                added.add(device);
            }
        });
    }

    /**
     * Parses {@code args} as the command line does, starts the {@code serve} command, connects
     * and starts scanning.
     */
    static ServedClient serve(String clientName, String... args) throws Exception {
        return start((ServeCommand) Cli.commandLine().parseArgs(args).subcommand().commandSpec().userObject(), clientName);
    }

    /** Starts a parsed (and possibly adjusted) {@code serve} command, connects and starts scanning. */
    static ServedClient start(ServeCommand serve, String clientName) throws Exception {
        ServedClient served = new ServedClient(serve.start(), clientName);
        try {
            served.client.connect(WebSocketConnector.to(served.running.server.uri())).get(10, TimeUnit.SECONDS);
            served.client.startScanning().get(10, TimeUnit.SECONDS);
        } catch (Exception | AssertionError e) {
            served.close();
            throw e;
        }
        return served;
    }

    /** The next device the client is told about, within {@code wait}; fails the test as {@code what} when none comes. */
    ButtplugClientDevice nextDevice(String what, Duration wait) throws InterruptedException {
        ButtplugClientDevice device = added.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(device).as(what).isNotNull();
        return device;
    }

    @Override
    public void close() {
        client.disconnect();
        running.stop();
    }
}
