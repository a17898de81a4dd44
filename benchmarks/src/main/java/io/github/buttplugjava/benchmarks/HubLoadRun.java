package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.core.sim.SimulatedToy;
import io.github.buttplugjava.remote.DeviceGrant;
import io.github.buttplugjava.remote.LinkLimits;
import io.github.buttplugjava.remote.OutputGrant;
import io.github.buttplugjava.remote.RemoteClient;
import io.github.buttplugjava.remote.RemoteServer;
import io.github.buttplugjava.remote.Room;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hub's loopback load run: one hub, N share agents (each a real WebSocket link with one
 * simulated vibrator), one controller sending OutputCmds round-robin. Reports, from one run:
 * round-trip p50/p99 controller -> toy -> reply against two plain WebSocket echo hops on the same
 * stack (the floor); sustained commands per second with a window of requests in flight; and the
 * hub's heap per idle agent link (agents in a child JVM, so only the hub's memory is counted).
 *
 * <p>{@code java -jar benchmarks/target/hub-load.jar [agents] [commands] [idleAgents]}
 * (defaults 50, 20000, 2000).
 */
public final class HubLoadRun {

    private static final int WINDOW = 32;
    private static final String SHARE = "bench-share-token-0123456789abcdef";
    private static final String CONTROL = "bench-control-token-0123456789abcdef";

    private HubLoadRun() {
    }

    /** Runs the load run and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int idle = args.length > 2 ? Integer.parseInt(args[2]) : 2000;

        String sample = "[{\"OutputCmd\":{\"Id\":12345,\"DeviceIndex\":17,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]";
        Latencies floor;
        try (EchoFloor echo = new EchoFloor()) {
            echo.run(sample, commands / 4);
            floor = echo.run(sample, commands);
        }

        RemoteServer hub = RemoteServer.builder().limits(new LinkLimits(1 << 20, 1e9, 1 << 30)).build();
        Room room = hub.addRoom("bench", io.github.buttplugjava.remote.AccessToken.of(SHARE),
                io.github.buttplugjava.remote.AccessToken.of(CONTROL));
        hub.start();
        List<RemoteClient> clients = new ArrayList<>();
        Latencies hubTrip;
        double perSecond;
        try {
            DeviceGrant grant = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.FULL);
            for (int i = 0; i < agents; i++) {
                SimulatedDevices toys = SimulatedDevices.builder().presentAtStart(true).timingGapMs(0)
                        .add(SimulatedToy.vibrator("vibrator", "Bench Vibrator", 1)).build();
                RemoteClient agent = RemoteClient.builder(hub.shareUri(), SHARE, "agent" + i, toys).build();
                agent.grants().shareAll(grant).get(10, TimeUnit.SECONDS);
                agent.start().get(30, TimeUnit.SECONDS);
                clients.add(agent);
            }
            awaitDevices(room, agents);
            ButtplugClient controller = ButtplugClient.builder("bench controller").build();
            controller.connect(WebSocketConnector.to(hub.controlUri(room))).get(30, TimeUnit.SECONDS);
            List<Integer> indices = controller.devices().stream().map(ButtplugClientDevice::index).toList();
            roundTrips(controller, indices, commands / 4);
            hubTrip = roundTrips(controller, indices, commands);
            perSecond = throughput(controller, indices, commands);
            controller.disconnect().get(10, TimeUnit.SECONDS);
        } finally {
            clients.forEach(RemoteClient::close);
            hub.close();
        }

        IdleResult idleResult = idleHeap(idle);

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| agents (real WebSocket links, one simulated vibrator each) | %d |%n", agents);
        System.out.printf("| floor: two plain WebSocket echo hops, p50 / p99 | %.0f µs / %.0f µs |%n",
                floor.percentileMicros(50), floor.percentileMicros(99));
        System.out.printf("| hub: controller -> hub -> agent -> toy -> Ok, p50 / p99 | %.0f µs / %.0f µs |%n",
                hubTrip.percentileMicros(50), hubTrip.percentileMicros(99));
        System.out.printf("| hub p99 / floor p99 | %.2f |%n", hubTrip.percentileMicros(99) / floor.percentileMicros(99));
        System.out.printf("| sustained OutputCmds per second (%d in flight, round-robin) | %.0f |%n", WINDOW, perSecond);
        System.out.printf("| hub heap per idle agent link (%d links) | %.1f KiB |%n", idleResult.links, idleResult.bytesPerLink / 1024.0);
        System.out.printf("| idle agent links in 2 GiB of hub heap, extrapolated | %.0f |%n", 2.0 * (1L << 30) / idleResult.bytesPerLink);
        System.out.printf("(%d round trips each; JVM %s, %d CPUs)%n", commands, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    private static Latencies roundTrips(ButtplugClient c, List<Integer> indices, int n) throws Exception {
        Latencies l = new Latencies(n);
        for (int i = 0; i < n; i++) {
            int device = indices.get(i % indices.size());
            long t = System.nanoTime();
            c.request(new OutputCmd(1, device, 0, OutputCommand.of(OutputType.VIBRATE, 1 + (i & 7)))).get(10, TimeUnit.SECONDS);
            l.add(System.nanoTime() - t);
        }
        return l;
    }

    private static double throughput(ButtplugClient c, List<Integer> indices, int n) throws Exception {
        Semaphore window = new Semaphore(WINDOW);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            int device = indices.get(i % indices.size());
            c.request(new OutputCmd(1, device, 0, OutputCommand.of(OutputType.VIBRATE, 1 + (i & 7))))
                    .whenComplete((m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                        window.release();
                    });
        }
        if (!window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still in flight after 30 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a command failed", failure.get());
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    private record IdleResult(int links, double bytesPerLink) {
    }

    /** Connects {@code n} idle stub agents from a child JVM and measures the hub's heap growth. */
    private static IdleResult idleHeap(int n) throws Exception {
        // a generous hello timeout: on a loaded machine thousands of links queue up at once
        RemoteServer hub = RemoteServer.builder().helloTimeout(java.time.Duration.ofSeconds(60)).build();
        Room room = hub.addRoom("idle", io.github.buttplugjava.remote.AccessToken.of(SHARE),
                io.github.buttplugjava.remote.AccessToken.of(CONTROL));
        hub.start();
        try {
            long before = usedHeapAfterGc();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", System.getProperty("java.class.path"), StubAgents.class.getName(),
                    hub.shareUri().toString(), SHARE, Integer.toString(n))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                if (line == null || !line.equals("ready " + n)) {
                    throw new IllegalStateException("stub agents did not start: " + line);
                }
                int joined = awaitSettled(room, n);
                long after = usedHeapAfterGc();
                return new IdleResult(joined, (double) (after - before) / joined);
            } finally {
                child.getOutputStream().close();
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        } finally {
            hub.close();
        }
    }

    private static void awaitDevices(Room room, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (room.devices().devices().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + room.devices().devices().size() + " of " + n + " devices joined");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    /** Waits until {@code n} devices joined, or the count has not grown for 15 s; returns the count. */
    private static int awaitSettled(Room room, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        int last = -1;
        long lastGrowth = System.nanoTime();
        while (true) {
            int now = room.devices().devices().size();
            if (now >= n || System.nanoTime() > deadline
                    || (now == last && System.nanoTime() - lastGrowth > TimeUnit.SECONDS.toNanos(15))) {
                if (now < n) {
                    System.err.println("only " + now + " of " + n + " idle links joined; measuring those");
                }
                return now;
            }
            if (now != last) {
                last = now;
                lastGrowth = System.nanoTime();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
