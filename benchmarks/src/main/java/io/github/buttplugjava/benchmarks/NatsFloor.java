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
 *
 * <p>Alone: {@code java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.NatsFloor
 * [samples per side] [block]} starts a nats-server and alternates blocks of both sides (the side
 * that goes first alternates too).
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

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        System.out.printf("NATS there and back: %d samples per side in blocks of %d; %d cores, load average %.1f%n", samples,
                block, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String frame = "[{\"OutputCmd\":{\"Id\":1,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]";
        try (io.github.buttplugjava.testsupport.nats.NatsServer nats = io.github.buttplugjava.testsupport.nats.NatsServer.start();
             NatsFloor dispatchers = new NatsFloor(nats.url(), "dispatcher", false);
             NatsFloor readers = new NatsFloor(nats.url(), "reader", true)) {
            for (int i = 0; i < samples / 4; i++) {
                dispatchers.roundTrip(frame);
                readers.roundTrip(frame);
            }
            long[] d = new long[samples];
            long[] r = new long[samples];
            for (int from = 0, k = 0; from < samples; from += block, k++) {
                int n = Math.min(block, samples - from);
                NatsFloor first = k % 2 == 0 ? dispatchers : readers;
                NatsFloor second = k % 2 == 0 ? readers : dispatchers;
                long[] a = first == dispatchers ? d : r;
                long[] b = first == dispatchers ? r : d;
                for (int i = 0; i < n; i++) {
                    a[from + i] = first.roundTrip(frame);
                }
                for (int i = 0; i < n; i++) {
                    b[from + i] = second.roundTrip(frame);
                }
            }
            LatencySamples ds = LatencySamples.of("NATS there and back, dispatchers", d, samples);
            LatencySamples rs = LatencySamples.of("NATS there and back, readers", r, samples);
            System.out.println(ds.summary());
            System.out.println(rs.summary());
            System.out.printf("readers/dispatchers: p50 %.2fx, p90 %.2fx, p99 %.2fx; load average at the end %.1f%n",
                    rs.percentileMicros(50) / ds.percentileMicros(50), rs.percentileMicros(90) / ds.percentileMicros(90),
                    rs.percentileMicros(99) / ds.percentileMicros(99),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.exit(0);
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
