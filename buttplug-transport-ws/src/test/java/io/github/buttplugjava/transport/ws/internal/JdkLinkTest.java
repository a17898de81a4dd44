package io.github.buttplugjava.transport.ws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.transport.ws.KeepAlive;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The JDK WebSocket link against a recording {@link FakeWebSocket}, its timers on a
 * {@link ManualScheduler}: no network, no wall clock.
 */
class JdkLinkTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMillis(600);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final LinkRecorder listener = new LinkRecorder();
    private final FakeWebSocket socket = new FakeWebSocket();

    private JdkLink open(int maxFrameSize, long maxUnsentBytes) {
        JdkLink link = new JdkLink("ws://test/", listener, maxFrameSize, maxUnsentBytes, Runnable::run, scheduler);
        link.onOpen(socket);
        return link;
    }

    private JdkLink open() {
        return open(1024, 4096);
    }

    @Test
    void asksForOneMessageAtATimeAndOnlyAfterTheListenerReturned() {
        JdkLink link = open();
        assertThat(socket.requested).as("the first message is asked for on open").isEqualTo(1);
        AtomicInteger requestedDuringFrame = new AtomicInteger(-1);
        listener.duringFrame = () -> requestedDuringFrame.set(socket.requested);

        link.onText(socket, "[{\"Ok\"", false);
        assertThat(socket.requested).as("a part: the rest is asked for").isEqualTo(2);
        link.onText(socket, ":{\"Id\":1}}]", true);

        assertThat(listener.frames).containsExactly("[{\"Ok\":{\"Id\":1}}]");
        assertThat(requestedDuringFrame).as("no request while the listener ran").hasValue(2);
        assertThat(socket.requested).isEqualTo(3);
    }

    @Test
    void aMessageGrowingPastTheBoundIsRefusedWith1009BeforeItIsComplete() {
        JdkLink link = open(100, 4096);
        link.onText(socket, "x".repeat(60), false);
        link.onText(socket, "x".repeat(60), false); // 120 bytes: over, and the message is not even complete

        assertThat(socket.closeCode).isEqualTo(1009);
        assertThat(socket.closeReason).isEqualTo("frame larger than 100 bytes");
        assertThat(listener.frames).isEmpty();
        assertThat(link.isConnected()).isFalse();

        link.onText(socket, "x".repeat(60), true); // the rest of it still arrives: dropped
        link.onClose(socket, 1009, "");
        assertThat(listener.frames).isEmpty();
        assertThat(listener.ends).singleElement().isInstanceOf(ConnectorException.class)
                .extracting(Throwable::getMessage).asString().contains("peer sent a frame larger than 100 bytes");
    }

    @Test
    void multiByteTextCountsInUtf8Bytes() {
        JdkLink link = open(10, 4096);
        link.onText(socket, "ééééé", true); // 10 bytes: at the bound, accepted
        assertThat(listener.frames).containsExactly("ééééé");
        link.onText(socket, "éééééé", true); // 12 bytes
        assertThat(socket.closeCode).isEqualTo(1009);
    }

    @Test
    void aBinaryMessageIsRefusedWith1003() {
        JdkLink link = open();
        link.onBinary(socket, ByteBuffer.wrap(new byte[] {1, 2}), true);
        assertThat(socket.closeCode).isEqualTo(1003);
        link.onClose(socket, 1003, "");
        assertThat(listener.ends).singleElement().isInstanceOf(ConnectorException.class)
                .extracting(Throwable::getMessage).asString().contains("binary");
    }

    @Test
    void pauseHoldsTheNextRequestBackAndResumeReleasesIt() {
        JdkLink link = open();
        assertThat(link.pauseReading()).isTrue();
        link.onText(socket, "[1]", true); // was in flight when paused: still delivered
        assertThat(listener.frames).containsExactly("[1]");
        assertThat(socket.requested).as("nothing more asked while paused").isEqualTo(1);

        link.resumeReading();
        assertThat(socket.requested).isEqualTo(2);
        link.resumeReading();
        assertThat(socket.requested).as("resume is harmless when not paused").isEqualTo(2);
    }

    @Test
    void anOrderlyCloseByThePeerIsReportedAsNullAndOtherCodesAsErrors() {
        JdkLink link = open();
        link.onClose(socket, 1000, "bye");
        assertThat(listener.ends).containsExactly((Throwable) null);

        LinkRecorder other = new LinkRecorder();
        JdkLink second = new JdkLink("ws://test/", other, 1024, 4096, Runnable::run, scheduler);
        second.onOpen(new FakeWebSocket());
        second.onClose(null, 4000, "go \u001b[31maway");
        assertThat(other.ends).singleElement().isInstanceOf(ConnectorException.class)
                .extracting(Throwable::getMessage).asString().contains("4000").doesNotContain("\u001b");
    }

    @Test
    void aCloseThePeerNeverAnswersEndsTheLinkAfterTheGrace() {
        JdkLink link = open();
        link.close();
        assertThat(socket.closeCode).isEqualTo(1000);
        assertThat(listener.closed).isFalse();

        scheduler.advance(JdkLink.CLOSE_GRACE.minusMillis(1));
        assertThat(listener.closed).isFalse();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(socket.aborted).as("the TCP connection is dropped").isTrue();
        assertThat(listener.ends).containsExactly((Throwable) null);
        assertThat(link.closedFuture()).isDone();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void abortClosesWith1008AndTellsTheListenerWhy() {
        JdkLink link = open();
        link.abort("too fast");
        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.closeReason).isEqualTo("too fast");
        link.onClose(socket, 1008, "too fast");
        assertThat(listener.ends).singleElement().isInstanceOf(ConnectorException.class)
                .extracting(Throwable::getMessage).asString().contains("too fast");
    }

    @Test
    void sendsPastTheUnsentBoundAbortTheLink() {
        JdkLink link = open(1024, 10);
        socket.holdSends = true;
        assertThat(link.send("12345")).isNotDone();
        assertThat(link.send("123456")).isCompletedExceptionally();
        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.closeReason).isEqualTo("peer is not reading (more than 10 bytes unsent)");
        assertThat(link.send("1")).as("closing: no more sends").isCompletedExceptionally();
    }

    @Test
    void sendsGoOutInOrderOneAtATime() {
        JdkLink link = open();
        socket.holdSends = true;
        var first = link.send("a");
        var second = link.send("b");
        assertThat(socket.texts).as("the second waits for the first").containsExactly("a");
        socket.heldSends.get(0).complete(socket);
        assertThat(first).isDone();
        assertThat(socket.texts).containsExactly("a", "b");
        socket.heldSends.get(1).complete(socket);
        assertThat(second).isDone();
    }

    @Test
    void keepalivePingsEveryIntervalAndSparesAPeerThatAnswers() {
        JdkLink link = open();
        link.startKeepAlive(new KeepAlive(INTERVAL, TIMEOUT));
        for (int i = 1; i <= 10; i++) {
            scheduler.advance(INTERVAL);
            assertThat(socket.pings).isEqualTo(i);
            link.onPong(socket, ByteBuffer.allocate(0));
        }
        assertThat(link.isConnected()).isTrue();
        assertThat(listener.closed).isFalse();
    }

    @Test
    void keepaliveClosesASilentPeerAfterTheTimeoutAndNotBefore() {
        JdkLink link = open();
        link.startKeepAlive(new KeepAlive(INTERVAL, TIMEOUT));
        scheduler.advance(TIMEOUT);
        assertThat(socket.closeCode).as("silent for exactly the timeout: still open").isEqualTo(-1);
        assertThat(socket.pings).isEqualTo(3);

        scheduler.advance(INTERVAL); // silent for longer than the timeout
        assertThat(socket.closeCode).isEqualTo(1001);
        assertThat(socket.closeReason).isEqualTo("no answer to pings for 800 ms");

        link.onClose(socket, 1001, ""); // the peer answers the close after all
        assertThat(listener.ends).singleElement().isInstanceOf(ConnectorException.class)
                .extracting(Throwable::getMessage).asString().contains("no answer to WebSocket pings");
        assertThat(scheduler.pending()).as("ticks and grace timer stopped").isZero();
    }

    @Test
    void aFrozenPeerThatNeverAnswersTheCloseIsReportedAtTheNextTick() {
        JdkLink link = open();
        link.startKeepAlive(new KeepAlive(INTERVAL, TIMEOUT));
        scheduler.advance(TIMEOUT.plus(INTERVAL));
        assertThat(socket.closeCode).isEqualTo(1001);
        assertThat(listener.closed).isFalse();

        scheduler.advance(INTERVAL); // one tick later, well inside the close grace
        assertThat(socket.aborted).isTrue();
        assertThat(listener.ends).singleElement().isInstanceOf(ConnectorException.class)
                .extracting(Throwable::getMessage).asString().contains("no answer to WebSocket pings");
        assertThat(link.isConnected()).isFalse();
    }

    @Test
    void aPausedLinkIsNotSilent() {
        JdkLink link = open();
        link.startKeepAlive(new KeepAlive(INTERVAL, TIMEOUT));
        link.pauseReading();
        scheduler.advance(TIMEOUT.multipliedBy(3));
        assertThat(socket.closeCode).isEqualTo(-1);
        link.resumeReading();
        scheduler.advance(TIMEOUT.plus(INTERVAL)); // the first tick after the resume counts it as heard
        assertThat(socket.closeCode).as("silent for the timeout since that tick").isEqualTo(-1);
        scheduler.advance(INTERVAL);
        assertThat(socket.closeCode).isEqualTo(1001);
    }

    @Test
    void cutDropsTheConnectionWithoutACloseFrameAndReportsOnce() {
        JdkLink link = open();
        link.cut(new ConnectorException("connection dropped"));
        link.cut(new ConnectorException("again"));
        assertThat(socket.aborted).isTrue();
        assertThat(socket.closeCode).isEqualTo(-1);
        assertThat(listener.ends).singleElement().extracting(Throwable::getMessage).isEqualTo("connection dropped");
    }

    @Test
    void aTransportErrorIsReportedOnceAsAConnectorException() {
        JdkLink link = open();
        link.onError(socket, new java.io.IOException("reset"));
        link.onClose(socket, 1000, "");
        assertThat(listener.ends).singleElement().isInstanceOf(ConnectorException.class)
                .extracting(Throwable::getMessage).asString().contains("connection lost").contains("reset");
    }
}
