package io.github.buttplugjava.benchmarks;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.ReadListener;
import io.nats.client.Subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The NATS share of a bridged round trip, alone: a frame published on one connection, read on a
 * second, published back and read on the first, as a bridged link's command and answer cross
 * NATS (entry → owner → entry). Either handled on the jnats dispatcher threads (as the bridge did
 * before) or on the connections' reader threads ({@code tap}: what {@code ReaderTap} does now),
 * so the cost of the dispatcher hand-off is measured in the same run. One frame in flight.
 */
final class NatsFloor implements AutoCloseable {

    private static final long WAIT_SECONDS = 10;

    private final Connection there;
    private final Connection back;
    private final String ping;
    private final String pong;
    private final AtomicReference<CompletableFuture<Void>> waiting = new AtomicReference<>();

    /**
     * @param url  the NATS server
     * @param name a subject token of its own, so several floors share one server
     * @param tap  true: handle on the reader threads; false: on dispatcher threads
     */
    NatsFloor(String url, String name, boolean tap) throws Exception {
        ping = "floor." + name + ".ping";
        pong = "floor." + name + ".pong";
        Subscription[] tapped = new Subscription[2];
        Connection[] echo = new Connection[1];
        there = Nats.connect(options(url, tap ? listener(ping, () -> tapped[0], m -> echo[0].publish(pong, m.getData())) : null));
        back = Nats.connect(options(url, tap ? listener(pong, () -> tapped[1], m -> done()) : null));
        echo[0] = there;
        if (tap) { // as the bridge does: plain subscriptions, taken from on the reader thread
            tapped[0] = there.subscribe(ping);
            tapped[1] = back.subscribe(pong);
        } else {
            there.createDispatcher(m -> there.publish(pong, m.getData())).subscribe(ping);
            back.createDispatcher(m -> done()).subscribe(pong);
        }
        there.flush(Duration.ofSeconds(WAIT_SECONDS));
        back.flush(Duration.ofSeconds(WAIT_SECONDS));
    }

    private static Options options(String url, ReadListener tap) {
        Options.Builder b = new Options.Builder().server(url);
        if (tap != null) {
            b.readListener(tap);
        }
        return b.build();
    }

    private static ReadListener listener(String subject, Supplier<Subscription> sub, Consumer<Message> onMessage) {
        return new ReadListener() {
            @Override
            public void protocol(String op, String text) {
            }

            @Override
            public void message(String op, Message message) {
                Subscription s = sub.get();
                if (s != null && subject.equals(message.getSubject())) {
                    try {
                        Message m = s.nextMessage(Duration.ofNanos(1));
                        if (m != null) {
                            onMessage.accept(m);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    private void done() {
        CompletableFuture<Void> f = waiting.getAndSet(null);
        if (f != null) {
            f.complete(null);
        }
    }

    /** One round trip of {@code frame}; returns its time in nanoseconds. */
    long roundTrip(String frame) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.set(f);
        long t0 = System.nanoTime();
        back.publish(ping, frame.getBytes(StandardCharsets.UTF_8));
        f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return System.nanoTime() - t0;
    }

    @Override
    public void close() throws InterruptedException {
        there.close();
        back.close();
    }
}
