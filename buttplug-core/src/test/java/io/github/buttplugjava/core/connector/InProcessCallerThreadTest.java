package io.github.buttplugjava.core.connector;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.testsupport.devices.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A client and a server joined by an {@link InProcessConnector}: a command from an idle client to
 * an idle session runs on the caller's thread up to the device, and its reply completes the future
 * before the call returns; listeners, and callbacks chained on futures before they complete, still
 * run on the client's executor, so callers and callbacks that wait for each other do not deadlock.
 */
class InProcessCallerThreadTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final long WAIT_SECONDS = 5;

    /** One vibrator that records each level and the thread it was set on. */
    private static final class Vibrator implements Device {
        final String id;
        final List<Integer> levels = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        volatile Runnable onOutput = () -> { };

        Vibrator(String id) {
            this.id = id;
        }

        @Override
        public String identifier() {
            return id;
        }

        @Override
        public String name() {
            return "Vibrator " + id;
        }

        @Override
        public List<DeviceFeature> features() {
            return List.of(new DeviceFeature(0, "", Map.of(OutputType.VIBRATE, OutputLimits.of(new Range(0, 20))), Map.of()));
        }

        @Override
        public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
            threads.add(Thread.currentThread());
            levels.add(command.value());
            onOutput.run();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Integer> read(int featureIndex, InputType type) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> stop() {
            return CompletableFuture.completedFuture(null);
        }
    }

    private final ListSource source = ListSource.finishingScans();
    private final DeviceManager manager = new DeviceManager(List.of(source));
    private final ButtplugServer server = ButtplugServer.builder(manager).name("in-process").build();
    private final ButtplugClient client = ButtplugClient.builder("caller")
            .requestTimeout(Duration.ofSeconds(WAIT_SECONDS)).build();
    private final Vibrator first = new Vibrator("first");
    private final Vibrator second = new Vibrator("second");
    private final Map<String, CompletableFuture<ButtplugClientDevice>> added = new ConcurrentHashMap<>();

    @AfterEach
    void close() throws Exception {
        client.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        server.close();
        manager.close();
    }

    private ButtplugClientDevice device(String name) {
        return added.computeIfAbsent(name, n -> new CompletableFuture<>())
                .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** Connects with both vibrators listed; extra listeners are added before the connect. */
    private void connect(ButtplugClientListener... more) throws Exception {
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice d) {
                added.computeIfAbsent(d.name(), n -> new CompletableFuture<>()).complete(d);
            }
        });
        for (ButtplugClientListener l : more) {
            client.addListener(l);
        }
        manager.startScanning().get(WAIT_SECONDS, TimeUnit.SECONDS);
        source.add(first);
        source.add(second);
        InProcessConnector.Pair pipe = InProcessConnector.pair();
        server.serve(pipe.server());
        client.connect(pipe.client()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        device(first.name());
        device(second.name());
        client.ping().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sets {@code level} until one command ran here; bounded. Returns whether its future was done at return. */
    private boolean vibrateHere(ButtplugClientDevice device, Vibrator toy, int level) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int before = toy.threads.size();
            CompletableFuture<Void> done = device.output(0, OutputCommand.of(OutputType.VIBRATE, level));
            boolean doneAtReturn = done.isDone();
            done.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
            if (toy.threads.size() > before && toy.threads.get(before) == Thread.currentThread()) {
                return doneAtReturn;
            }
        }
        throw new AssertionError("no command of 100 found the client and the session idle");
    }

    @Test
    void aCommandFromAnIdleClientRunsOnTheCallersThreadAndIsAnsweredBeforeTheCallReturns() throws Exception {
        connect();

        assertThat(vibrateHere(device(first.name()), first, 10)).isTrue();
        assertThat(first.levels).endsWith(10);
    }

    /**
     * The device's command removes the other device: the session then sends a device list, which a
     * listener gets; that listener waits for the caller to go on after its call. Had the list been
     * handled at the end of the caller's call, on its thread, the caller would wait forever.
     */
    @Test
    void aListenerWaitingForTheCallerDoesNotDeadlockIt() throws Exception {
        CompletableFuture<Void> callerWentOn = new CompletableFuture<>();
        CompletableFuture<Thread> removedOn = new CompletableFuture<>();
        connect(new ButtplugClientListener() {
            @Override
            public void deviceRemoved(ButtplugClientDevice d) {
                callerWentOn.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
                removedOn.complete(Thread.currentThread());
            }
        });
        ButtplugClientDevice device = device(first.name());
        first.onOutput = () -> source.remove(second);

        CompletableFuture<Void> done = assertTimeoutPreemptively(BOUND,
                () -> device.output(0, OutputCommand.of(OutputType.VIBRATE, 7)));
        callerWentOn.complete(null);

        done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(removedOn.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread());
    }

    /** Listeners and reply callbacks that send more commands (re-entrant sends): all run, in order. */
    @Test
    void commandsSentFromListenersAndCallbacksAllRunInOrder() throws Exception {
        CompletableFuture<Void> chainDone = new CompletableFuture<>();
        connect(new ButtplugClientListener() {
            @Override
            public void deviceRemoved(ButtplugClientDevice d) {
                ButtplugClientDevice other = device(first.name());
                other.output(0, OutputCommand.of(OutputType.VIBRATE, 1))
                        .thenCompose(v -> other.output(0, OutputCommand.of(OutputType.VIBRATE, 2)))
                        .thenCompose(v -> other.output(0, OutputCommand.of(OutputType.VIBRATE, 3)))
                        .whenComplete((v, e) -> {
                            if (e == null) {
                                chainDone.complete(null);
                            } else {
                                chainDone.completeExceptionally(e);
                            }
                        });
            }
        });
        first.levels.clear();

        source.remove(second); // the listener's chain starts on the client's executor
        chainDone.get(WAIT_SECONDS, TimeUnit.SECONDS);
        device(first.name()).output(0, OutputCommand.of(OutputType.VIBRATE, 4)).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(first.levels).containsExactly(1, 2, 3, 4);
    }

    /**
     * A callback chained on a command's future before it completed blocks until the caller goes on;
     * meanwhile the caller sends another command, which queues behind that callback. Neither waits
     * for the other: the callback runs on the client's executor, the caller's call returns at once.
     */
    @Test
    void aCallbackBlockingOnWorkQueuedBehindItDoesNotHoldTheCaller() throws Exception {
        CompletableFuture<Void> listenerStarted = new CompletableFuture<>();
        CompletableFuture<Void> listenerMayEnd = new CompletableFuture<>();
        connect(new ButtplugClientListener() {
            @Override
            public void deviceRemoved(ButtplugClientDevice d) {
                listenerStarted.complete(null);
                listenerMayEnd.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join(); // keeps the client busy
            }
        });
        ButtplugClientDevice device = device(first.name());
        source.remove(second);
        listenerStarted.get(WAIT_SECONDS, TimeUnit.SECONDS); // the client's executor is busy in the listener now

        CompletableFuture<Void> callerWentOn = new CompletableFuture<>();
        CompletableFuture<Thread> callbackOn = new CompletableFuture<>();
        CompletableFuture<Void> firstDone = device.output(0, OutputCommand.of(OutputType.VIBRATE, 5));
        assertThat(firstDone).isNotDone(); // queued behind the listener: its callback is chained in time
        CompletableFuture<Void> callback = firstDone.thenRun(() -> {
            callbackOn.complete(Thread.currentThread());
            callerWentOn.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        });
        listenerMayEnd.complete(null);
        callbackOn.get(WAIT_SECONDS, TimeUnit.SECONDS); // the callback holds the client's executor now

        CompletableFuture<Void> secondDone = assertTimeoutPreemptively(BOUND,
                () -> device.output(0, OutputCommand.of(OutputType.VIBRATE, 6)));
        callerWentOn.complete(null);

        callback.get(WAIT_SECONDS, TimeUnit.SECONDS);
        secondDone.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(callbackOn.get()).isNotEqualTo(Thread.currentThread());
        assertThat(first.levels).endsWith(5, 6);
    }
}
