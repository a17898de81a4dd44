package io.github.buttplugjava.remote.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A configuration mistake ends the agent with the hub's reason; a hub that cannot be reached is retried. */
class RemoteClientRefusalTest {

    private static final String SHARE = "share-token-for-refusal-tests-0123";
    private static final String CONTROL = "control-token-for-refusal-tests-0123";

    /** Records what the agent says about its link. */
    private static final class Heard implements RemoteClient.Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void unlinked(Throwable cause, Duration retryIn) {
            events.add("unlinked");
        }

        @Override
        public void denied(String reason) {
            events.add("denied: " + reason);
        }
    }

    @Test
    void aHubThatClosesAnUnknownPathBeforeAnsweringIsAFinalRefusalWithItsReason() throws Exception {
        try (RemoteServer hub = RemoteServer.builder().host("127.0.0.1").port(0).build()) {
            hub.addRoom("r", AccessToken.of(SHARE), AccessToken.of(CONTROL));
            hub.start();
            Heard heard = new Heard();
            URI wrongPath = hub.shareUri().resolve("/shar");
            try (RemoteClient agent = RemoteClient.builder(wrongPath, SHARE, "Alice", SimulatedDevices.of("lovense"))
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(10)).listener(heard).build()) {
                CompletableFuture<Void> linked = agent.start();
                assertThatThrownBy(() -> linked.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(ButtplugHandshakeException.class).hasMessageContaining("unknown path");
                assertThat(heard.events.poll(10, TimeUnit.SECONDS)).startsWith("denied: the hub closed the link without answering")
                        .contains("unknown path; agents use /share");
                assertThat(heard.events).as("no retry after a refusal").isEmpty();
            }
        }
    }

    @Test
    void aHubThatCannotBeReachedIsRetriedAndTheFirstLinkStaysPending() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Heard heard = new Heard();
        try (RemoteClient agent = RemoteClient.builder(URI.create("ws://127.0.0.1:" + closedPort + "/share"), SHARE, "Alice",
                SimulatedDevices.of("lovense")).backoff(Duration.ofMillis(10), Duration.ofMillis(20)).listener(heard).build()) {
            CompletableFuture<Void> linked = agent.start();
            assertThat(heard.events.poll(10, TimeUnit.SECONDS)).isEqualTo("unlinked");
            assertThat(heard.events.poll(10, TimeUnit.SECONDS)).isEqualTo("unlinked");
            assertThat(linked).isNotDone();
        }
    }

    /**
     * A hub shedding waiting sockets closes with 1013 ("try again later") before it answers: that is
     * not a refusal, the agent dials again and links.
     */
    @Test
    void aTryAgainLaterCloseBeforeTheAnswerIsRetriedNotTakenAsARefusal() throws Exception {
        assertDialedAgainAfter(new io.github.buttplugjava.core.connector.PeerClosedException(
                "shed: closed with code 1013", io.github.buttplugjava.core.connector.PeerClosedException.TRY_AGAIN_LATER));
    }

    /**
     * A hub that crashes (or is too loaded) as the agent dials: the socket opens, then the
     * connection is lost without a close frame before any answer. Not a refusal: dialed again.
     */
    @Test
    void aConnectionLostBeforeTheAnswerIsRetriedNotTakenAsARefusal() throws Exception {
        assertDialedAgainAfter(new io.github.buttplugjava.core.connector.ConnectorException(
                "connection lost (IOException: reset)"));
    }

    /** The first dial's link opens and is closed with {@code cause} before any answer; the second links. */
    private static void assertDialedAgainAfter(Throwable cause) throws Exception {
        try (RemoteServer hub = RemoteServer.builder().host("127.0.0.1").port(0).build()) {
            hub.addRoom("r", AccessToken.of(SHARE), AccessToken.of(CONTROL));
            hub.start();
            Heard heard = new Heard();
            java.util.concurrent.atomic.AtomicInteger dials = new java.util.concurrent.atomic.AtomicInteger();
            try (RemoteClient agent = RemoteClient.builder(hub.shareUri(), SHARE, "Alice", SimulatedDevices.of("lovense"))
                    .dialer(uri -> dials.getAndIncrement() == 0 ? new ShedConnector(cause)
                            : io.github.buttplugjava.transport.ws.WebSocketConnector.to(uri))
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(10)).listener(heard).build()) {
                agent.start().get(10, TimeUnit.SECONDS);
                assertThat(dials.get()).as("dials").isEqualTo(2);
                assertThat(heard.events).as("what the agent said").noneMatch(e -> e.startsWith("denied"));
            }
        }
    }

    /** A link that opens, then is closed by the other side with {@code cause} before any frame. */
    private static final class ShedConnector implements io.github.buttplugjava.core.connector.ButtplugConnector {
        private final Throwable cause;
        private volatile boolean open;

        ShedConnector(Throwable cause) {
            this.cause = cause;
        }

        @Override
        public CompletableFuture<Void> connect(io.github.buttplugjava.core.connector.FrameListener listener) {
            open = true;
            CompletableFuture.runAsync(() -> {
                open = false;
                listener.onClosed(cause);
            }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> send(String frame) {
            return open ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new io.github.buttplugjava.core.connector.ConnectorException("closed"));
        }

        @Override
        public CompletableFuture<Void> close() {
            open = false;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            return open;
        }
    }
}
