package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.codec.JsonCodec;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that answers while the client is still handing it the request (an in-process server
 * that ran the request on the caller's thread): the client takes that reply at once, before the
 * call returns, but only when nothing it read before would be overtaken and only that reply; every
 * other frame still goes through the client's executor, and its listeners never run on the caller.
 */
class ReplyDuringSendTest {

    private static final long WAIT_SECONDS = 5;

    /** Answers each request synchronously inside {@code send}, with the frames the test scripts. */
    private static final class AnsweringConnector implements ButtplugConnector {
        private final JsonCodec codec = new JsonCodec();
        /** Frames to deliver, in order, for a request (not the handshake). */
        volatile Function<Message, List<List<? extends Message>>> answers =
                request -> List.of(List.of(new Ok(request.id())));
        private volatile FrameListener listener;
        private volatile boolean open;

        @Override
        public CompletableFuture<Void> connect(FrameListener frameListener) {
            listener = frameListener;
            open = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> send(String frame) {
            Message request;
            try {
                request = codec.decode(frame).get(0);
            } catch (Exception e) {
                throw new AssertionError("the client sent an undecodable frame: " + frame, e);
            }
            List<List<? extends Message>> frames;
            if (request instanceof RequestServerInfo) {
                frames = List.of(List.of(new ServerInfo(request.id(), "answering", 4, 0, 0)));
            } else if (request instanceof RequestDeviceList) {
                frames = List.of(List.of(new DeviceList(request.id(), List.of())));
            } else {
                frames = answers.apply(request);
            }
            for (List<? extends Message> messages : frames) {
                listener.onFrame(codec.encode(messages));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> close() {
            if (open) {
                open = false;
                listener.onClosed(null);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            return open;
        }
    }

    /** The client's executor: runs nothing until the test pumps it, so "idle" is certain. */
    private static final class Manual implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int pending() {
            return tasks.size();
        }

        /** Runs tasks, and those they queue, until none is left. */
        void runAll() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                }
                if (next == null) {
                    return;
                }
                next.run();
            }
        }
    }

    private final AnsweringConnector connector = new AnsweringConnector();
    private final Manual executor = new Manual();
    private final ButtplugClient client = ButtplugClient.builder("here").executor(executor)
            .requestTimeout(Duration.ofSeconds(WAIT_SECONDS)).build();
    private final List<String> order = new CopyOnWriteArrayList<>();

    private void connect() {
        CompletableFuture<Void> connected = client.connect(connector);
        executor.runAll();
        assertThat(connected).isCompleted();
        assertThat(executor.pending()).isZero();
    }

    @AfterEach
    void disconnect() {
        client.disconnect();
        executor.runAll();
    }

    /** Records its events in {@link #order}. */
    private final ButtplugClientListener recorder = new ButtplugClientListener() {
        @Override
        public void scanningFinished() {
            order.add("event");
        }
    };

    @Test
    void theReplyToARequestSentHereCompletesItsFutureBeforeTheCallReturns() throws Exception {
        connect();

        CompletableFuture<ServerMessage> reply = client.request(new Ping(1));

        assertThat(reply).isCompleted();
        assertThat(reply.get()).isInstanceOf(Ok.class);
        assertThat(executor.pending()).isZero(); // nothing was left for the executor
    }

    @Test
    void anErrorReplyTakenHereFailsTheFutureWithItsTypedException() throws Exception {
        connect();
        connector.answers = request -> List.of(List.of(
                new ErrorMessage(request.id(), ErrorCode.DEVICE, "no such device")));

        CompletableFuture<ServerMessage> reply = client.request(new Ping(1));

        assertThat(reply).isDone();
        assertThatThrownBy(reply::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }

    /**
     * An event read during the send, before the reply: the reply must not overtake it, so both wait
     * for the client's executor, the listener first; neither runs inside the caller's call.
     */
    @Test
    void aReplyBehindAnEventReadDuringTheSendWaitsForTheEvent() {
        client.addListener(recorder);
        connect();
        connector.answers = request -> List.of(List.of(new ScanningFinished(0)), List.of(new Ok(request.id())));

        CompletableFuture<ServerMessage> reply = client.request(new Ping(1));
        reply.thenRun(() -> order.add("reply"));
        order.add("returned");
        executor.runAll();

        assertThat(order).containsExactly("returned", "event", "reply");
    }

    /** An event read during the send after the reply: the reply is taken here, the event waits for the executor. */
    @Test
    void anEventAfterTheReplyStillReachesTheListenerOnTheClientsExecutor() {
        client.addListener(recorder);
        connect();
        connector.answers = request -> List.of(List.of(new Ok(request.id())), List.of(new ScanningFinished(0)));

        CompletableFuture<ServerMessage> reply = client.request(new Ping(1));
        order.add(reply.isDone() ? "returned answered" : "returned");
        executor.runAll();

        assertThat(order).containsExactly("returned answered", "event");
    }

    /** A frame of two messages (the reply and an event) is not taken here: the usual path handles it. */
    @Test
    void anythingButExactlyTheOneReplyGoesThroughTheExecutor() {
        client.addListener(recorder);
        connect();
        connector.answers = request -> List.of(List.of(new Ok(request.id()), new ScanningFinished(0)));

        CompletableFuture<ServerMessage> reply = client.request(new Ping(1));
        reply.thenRun(() -> order.add("reply"));
        order.add("returned");
        executor.runAll();

        assertThat(order).containsExactly("returned", "reply", "event");
    }

    /** A reply to another Id read during the send (a stale or wrong answer) is not taken here either. */
    @Test
    void aReplyToAnotherIdIsNotTakenHere() {
        connect();
        connector.answers = request -> List.of(List.of(new Ok(request.id() + 1)), List.of(new Ok(request.id())));

        CompletableFuture<ServerMessage> reply = client.request(new Ping(1));
        order.add(reply.isDone() ? "returned answered" : "returned");
        executor.runAll();

        assertThat(order).containsExactly("returned");
        assertThat(reply).isCompleted();
    }

    /** A request made while the executor is busy is queued, and its reply completes there. */
    @Test
    void aRequestMadeWhileTheClientIsBusyIsSentFromItsExecutor() {
        connect();
        client.request(new Ping(1)); // the executor is idle: sent and answered here
        client.disconnect(); // queued: the executor now has work
        CompletableFuture<ServerMessage> queuedReply = client.request(new Ping(1));

        assertThat(queuedReply).isNotDone();
        executor.runAll();
        assertThat(queuedReply).isCompletedExceptionally(); // the disconnect ran first, in order
    }
}
