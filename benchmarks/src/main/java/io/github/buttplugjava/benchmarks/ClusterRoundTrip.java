package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.codec.JsonCodec;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Round trip of a controller's command through a bridged link (controller on node n2, the room
 * owned by n1, the agent on n1) against a direct link (controller on n1), on the same two nodes
 * and a real nats-server, measured in interleaved rounds of one run so the ratio is fair. Goal
 * (issue 16): p50 within 1.3x, p99 within 1.5x. In the same rounds, the NATS share alone
 * ({@link NatsFloor}: a frame entry → owner → entry over two bare connections, handled on the
 * dispatcher threads and on the reader threads), so what NATS itself adds is known. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.ClusterRoundTrip [samples per round] [rounds]}.
 */
public final class ClusterRoundTrip {

    private static final String SHARE = "bench-share-token-0123456789";
    private static final String CONTROL = "bench-control-token-0123456789";

    private ClusterRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        System.out.printf("cluster round trip: %d samples x %d rounds per path; %d cores, load average %.1f%n", samples, rounds,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (NatsServer nats = NatsServer.start();
             ClusterNode n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").hub(RemoteServer.builder()).start();
             ClusterNode n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").hub(RemoteServer.builder()).start()) {
            n1.createRoom("bench", AccessToken.of(SHARE), AccessToken.of(CONTROL));
            // four toys, of which the first is driven: the room's default rate (1,000 messages/s per device
            // listed) then allows the ~2,000 sequential commands/s a quiet machine reaches on one link
            SimulatedDevices toys = SimulatedDevices.builder().presentAtStart(true)
                    .add("lovense").add("lovense").add("lovense").add("lovense").build();
            try (RemoteClient agent = RemoteClient.builder(n1.hub().shareUri(), SHARE, "Alice", toys).build()) {
                agent.grants().shareAll(DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(1.0)))
                        .get(5, TimeUnit.SECONDS);
                agent.start().get(10, TimeUnit.SECONDS);
                URI direct = URI.create("ws://127.0.0.1:" + n1.hub().port() + "/control/" + CONTROL);
                URI bridged = URI.create("ws://127.0.0.1:" + n2.hub().port() + "/control/" + CONTROL);
                String frame = new JsonCodec().encode(List.of(new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10))));
                try (NatsFloor viaDispatchers = new NatsFloor(nats.url(), "dispatcher", false);
                     NatsFloor viaReaders = new NatsFloor(nats.url(), "reader", true)) {
                    measure(direct, samples / 4, null); // warm-up of every path
                    measure(bridged, samples / 4, null);
                    floor(viaDispatchers, frame, samples / 4, null);
                    floor(viaReaders, frame, samples / 4, null);
                    long[] d = new long[samples * rounds];
                    long[] b = new long[samples * rounds];
                    long[] fd = new long[samples * rounds];
                    long[] fr = new long[samples * rounds];
                    for (int r = 0; r < rounds; r++) {
                        measure(direct, samples, new Slot(d, r * samples));
                        measure(bridged, samples, new Slot(b, r * samples));
                        floor(viaDispatchers, frame, samples, new Slot(fd, r * samples));
                        floor(viaReaders, frame, samples, new Slot(fr, r * samples));
                    }
                    report(LatencySamples.of("direct (controller on the owner)", d, d.length),
                            LatencySamples.of("bridged (controller on n2)", b, b.length),
                            LatencySamples.of("NATS there and back, dispatchers", fd, fd.length),
                            LatencySamples.of("NATS there and back, readers", fr, fr.length));
                }
            }
        }
        System.out.printf("load average at the end %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    private record Slot(long[] into, int from) {
    }

    private static void report(LatencySamples ds, LatencySamples bs, LatencySamples fd, LatencySamples fr) {
        for (LatencySamples s : List.of(ds, bs, fd, fr)) {
            System.out.println(s.summary());
        }
        double p50 = bs.percentileMicros(50) / ds.percentileMicros(50);
        double p99 = bs.percentileMicros(99) / ds.percentileMicros(99);
        System.out.printf("ratio bridged/direct: p50 %.2fx (goal <= 1.3x: %s), p99 %.2fx (goal <= 1.5x: %s)%n",
                p50, p50 <= 1.3 ? "met" : "NOT met", p99, p99 <= 1.5 ? "met" : "NOT met");
        System.out.printf("bridged - direct at p50: %.0f us; NATS there and back at p50: %.0f us on dispatchers,"
                        + " %.0f us on readers (%.2fx direct's p50)%n",
                bs.percentileMicros(50) - ds.percentileMicros(50), fd.percentileMicros(50), fr.percentileMicros(50),
                fr.percentileMicros(50) / ds.percentileMicros(50));
    }

    private static void floor(NatsFloor floor, String frame, int count, Slot slot) throws Exception {
        for (int i = 0; i < count; i++) {
            long t = floor.roundTrip(frame);
            if (slot != null) {
                slot.into()[slot.from() + i] = t;
            }
        }
    }

    private static void measure(URI control, int count, Slot slot) throws Exception {
        ButtplugClient client = connect(control);
        try {
            ButtplugClientDevice toy = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (toy == null && System.nanoTime() < deadline) {
                toy = client.devices().isEmpty() ? null : client.devices().get(0);
                if (toy == null) {
                    Thread.sleep(10); // bounded wait for the device list
                }
            }
            if (toy == null) {
                throw new IllegalStateException("no device listed through " + control.getPort());
            }
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                toy.vibrate(i % 2 == 0 ? 0.5 : 1.0).get(5, TimeUnit.SECONDS);
                if (slot != null) {
                    slot.into()[slot.from() + i] = System.nanoTime() - t0;
                }
            }
        } finally {
            client.disconnect().get(5, TimeUnit.SECONDS);
        }
    }

    /** One connection per control token: the previous controller may still be leaving the room. */
    private static ButtplugClient connect(URI control) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ButtplugClient c = ButtplugClient.builder("bench controller").build();
            try {
                c.connect(WebSocketConnector.to(control)).get(10, TimeUnit.SECONDS);
                return c;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50); // bounded by the deadline
            }
        }
    }
}
