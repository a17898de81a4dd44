package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.codec.JsonCodec;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The hub load run (not JMH): on 127.0.0.1, one hub, {@code --agents} share agents each with one
 * simulated toy over its own WebSocket, and one controller over WebSocket. Measures, in one run:
 * <ol>
 *   <li>round trip controller -> hub -> agent -> toy -> Ok back, one command in flight, round-robin
 *       over the agents, against the floor ({@link EchoFloor}: the same frame over two plain
 *       WebSocket echo hops), in interleaved blocks so both see the same machine load;</li>
 *   <li>sustained commands per second with {@code --in-flight} commands outstanding;</li>
 *   <li>heap per idle agent link at the hub: {@code --idle} agents linked from a second JVM
 *       ({@link IdleAgents}), used heap after GC before and after, divided by their number.</li>
 * </ol>
 * Bounded: every wait has a deadline and a watchdog ends the JVM after {@code --max-seconds}.
 *
 * <p>Arguments (all optional): {@code --agents 20 --samples 2000 --in-flight 8 --seconds 10
 * --idle 500 --idle-ping-ms 1500 --hold-seconds 10 --max-seconds 300}; {@code --idle-ping-ms} is the
 * idle agents' MaxPingTime (the library default is 1500 ms; the hub pings each agent three times per period);
 * {@code --max-connections n} sets the hub's socket cap (default {@link
 * io.github.buttplugjava.remote.hub.RemoteServer#DEFAULT_MAX_CONNECTIONS}); {@code --ws-keepalive-ms
 * interval,timeout} or {@code off} sets the hub's WebSocket keepalive (default 1 s / 3 s);
 * {@code --agent-xmx 2g} is the idle agents' JVM heap; {@code --agent-dialer default|jdk} how the idle
 * agents dial (the library's connector as it comes, or over {@link JdkWebSocketDialer}'s pool).
 */
public final class HubLoadRun {

    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final int BLOCK = 100;
    private static final long WAIT_SECONDS = 10;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final int agents;
    private final int samples;
    private final int inFlight;
    private final int seconds;
    private final int idle;
    private final int holdSeconds;
    private final int maxSeconds;
    private final int agentPingMs;
    private final int maxConnections;
    private final long[] keepAliveMs;
    private final String agentXmx;
    private final String agentDialer;
    private final String limits;

    private HubLoadRun(Args a) {
        agents = a.integer("--agents", 20);
        samples = a.integer("--samples", 2000);
        inFlight = a.integer("--in-flight", 8);
        seconds = a.integer("--seconds", 10);
        idle = a.integer("--idle", 500);
        holdSeconds = a.integer("--hold-seconds", 10);
        maxSeconds = a.integer("--max-seconds", 300);
        agentPingMs = a.integer("--idle-ping-ms", 1500);
        maxConnections = a.integer("--max-connections", 0);
        keepAliveMs = a.keepAlive("--ws-keepalive-ms");
        agentXmx = a.text("--agent-xmx", "2g");
        agentDialer = a.text("--agent-dialer", "default");
        limits = a.text("--limits", "raised");
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "error");
        }
        new HubLoadRun(new Args(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        startWatchdog();
        System.out.printf("hub load run: %d agents, %d samples per path, %d in flight for %d s, %d idle agents,"
                        + " %s; %d cores, max heap %.2f GiB, load average %.1f%n",
                agents, samples, inFlight, seconds, idle,
                hubSettings(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / GIB, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String frame = new JsonCodec().encode(List.of(new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10))));
        try (EchoFloor floor = new EchoFloor(); HubUnderLoad hub = new HubUnderLoad(maxConnections, keepAliveMs, messageLimits())) {
            long t0 = System.nanoTime();
            hub.addAgents(agents);
            hub.connectController();
            System.out.printf("linked %d agents and the controller in %.1f s%n", agents, (System.nanoTime() - t0) / 1e9);

            if (samples > 0) {
                roundTrips(floor, hub, frame, samples / 4, false);
                List<LatencySamples> measured = roundTrips(floor, hub, frame, samples, true);
                LatencySamples floorRt = measured.get(0);
                LatencySamples hubRt = measured.get(1);
                System.out.println(floorRt.summary());
                System.out.println(hubRt.summary());
                System.out.printf("ratio hub/floor: p50 %.2fx, p99 %.2fx (goal: p99 within 2x: %s)%n",
                        hubRt.percentileMicros(50) / floorRt.percentileMicros(50),
                        hubRt.percentileMicros(99) / floorRt.percentileMicros(99),
                        hubRt.percentileMicros(99) <= 2 * floorRt.percentileMicros(99) ? "met" : "NOT met");
            }
            if (seconds > 0) {
                throughput(hub);
            }
            idleHeap(hub);
        }
    }

    /** {@code --limits}: raised (default of this run), default (the library's), per-link (the default before #17). */
    private MessageLimits messageLimits() {
        return switch (limits) {
            case "raised" -> HubUnderLoad.LOAD_LIMITS;
            case "default" -> MessageLimits.DEFAULT;
            case "per-link" -> MessageLimits.DEFAULT.withRateDevices(1);
            default -> throw new IllegalArgumentException("--limits raised|default|per-link, not " + limits);
        };
    }

    private String hubSettings() {
        String sockets = "limits " + limits + " " + messageLimits() + ", "
                + (maxConnections > 0 ? "hub socket cap " + maxConnections : "hub socket cap default");
        if (keepAliveMs == null) {
            return sockets + ", hub WebSocket keepalive default (1 s / 3 s)";
        }
        return sockets + (keepAliveMs[0] <= 0 ? ", hub WebSocket keepalive off"
                : ", hub WebSocket keepalive " + keepAliveMs[0] + " ms / " + keepAliveMs[1] + " ms");
    }

    /** Interleaved blocks of floor and hub round trips; returns [floor, hub] when recording. */
    private List<LatencySamples> roundTrips(EchoFloor floor, HubUnderLoad hub, String frame, int count,
                                            boolean record) throws Exception {
        long[] floorNanos = new long[count];
        long[] hubNanos = new long[count];
        List<ButtplugClientDevice> devices = hub.devices();
        int done = 0;
        long k = 0;
        while (done < count) {
            int block = Math.min(BLOCK, count - done);
            for (int i = 0; i < block; i++) {
                long start = System.nanoTime();
                floor.roundTrip(frame).get(WAIT_SECONDS, TimeUnit.SECONDS);
                floorNanos[done + i] = System.nanoTime() - start;
            }
            for (int i = 0; i < block; i++, k++) {
                ButtplugClientDevice d = devices.get((int) (k % devices.size()));
                OutputCommand c = HubUnderLoad.command(k / devices.size());
                long start = System.nanoTime();
                d.output(0, c).get(WAIT_SECONDS, TimeUnit.SECONDS);
                hubNanos[done + i] = System.nanoTime() - start;
            }
            done += block;
        }
        if (!record) {
            return List.of();
        }
        return List.of(LatencySamples.of("floor (2 WebSocket echo hops)", floorNanos, count),
                LatencySamples.of("hub (controller->toy->Ok)", hubNanos, count));
    }

    /** Round-robin commands with {@code inFlight} outstanding for {@code seconds}. */
    private void throughput(HubUnderLoad hub) throws Exception {
        List<ButtplugClientDevice> devices = hub.devices();
        hub.clearToys();
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        int capacity = 4_000_000;
        long[] latencies = new long[capacity];
        AtomicLong recorded = new AtomicLong();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long issued = 0;
        while (System.nanoTime() < end) {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no reply within " + WAIT_SECONDS + " s with " + inFlight + " in flight");
            }
            ButtplugClientDevice d = devices.get((int) (issued % devices.size()));
            OutputCommand c = HubUnderLoad.command(issued / devices.size());
            issued++;
            long sent = System.nanoTime();
            d.output(0, c).whenComplete((v, e) -> {
                long rt = System.nanoTime() - sent;
                if (e == null) {
                    ok.incrementAndGet();
                    long slot = recorded.getAndIncrement();
                    if (slot < capacity) {
                        latencies[(int) slot] = rt;
                    }
                } else {
                    failed.incrementAndGet();
                }
                permits.release();
            });
        }
        if (!permits.tryAcquire(inFlight, WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("commands still outstanding " + WAIT_SECONDS + " s after the run");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuPerCommand = (os.getProcessCpuTime() - cpuStart) / 1e3 / Math.max(1, ok.get());
        LatencySamples loaded = LatencySamples.of("hub with " + inFlight + " in flight",
                latencies, (int) Math.min(capacity, recorded.get()));
        System.out.printf("throughput: %d commands in %.1f s = %.0f commands/s (%d failed); toys received %d%n",
                ok.get(), elapsed, ok.get() / elapsed, failed.get(), hub.commandsAtToys());
        System.out.println(loaded.summary());
        System.out.printf("process CPU per command (hub, agents, controller together): %.0f us%n", cpuPerCommand);
    }

    /** Heap of the hub per idle agent link, with the agents in a second JVM. */
    private void idleHeap(HubUnderLoad hub) throws Exception {
        if (idle <= 0) {
            return;
        }
        int before = hub.room.agents().size();
        long baseline = usedHeapAfterGc();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        Process child = new ProcessBuilder(javaBinary(), "-Xmx" + agentXmx, "-Xss256k", "-D" + LOG_LEVEL + "=" + System.getProperty(LOG_LEVEL),
                "-cp", System.getProperty("java.class.path"), IdleAgents.class.getName(),
                hub.shareUri().toString(), HubUnderLoad.SHARE_TOKEN, Integer.toString(idle),
                Integer.toString(maxSeconds), Integer.toString(agentPingMs), agentDialer)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> childLines = new ArrayList<>();
        Thread reader = new Thread(() -> out.lines().forEach(l -> {
            synchronized (childLines) {
                childLines.add(l);
            }
        }), "idle-agents-output");
        reader.setDaemon(true);
        reader.start();
        try {
            long t0 = System.nanoTime();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(Math.min(240, Math.max(30, maxSeconds * 2 / 3)));
            while (hub.room.agents().size() < before + idle) {
                if (System.nanoTime() > deadline || !child.isAlive()) {
                    System.out.println("only " + (hub.room.agents().size() - before) + " of " + idle
                            + " idle agents linked by the deadline; agent JVM said: " + tail(childLines));
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // bounded poll-until loop
            }
            double linkSeconds = (System.nanoTime() - t0) / 1e9;
            long hubCpuAtHold = processCpuNanos();
            long agentCpuAtHold = child.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
            long holdStart = System.nanoTime();
            long holdEnd = holdStart + TimeUnit.SECONDS.toNanos(holdSeconds);
            while (System.nanoTime() < holdEnd) {
                LockSupport.parkNanos(holdEnd - System.nanoTime()); // idle on purpose: pings run meanwhile
            }
            int linkedAfterHold = hub.room.agents().size() - before;
            double heldSeconds = (System.nanoTime() - holdStart) / 1e9;
            double hubCpu = (processCpuNanos() - hubCpuAtHold) / 1e9 / heldSeconds;
            long agentCpuNow = child.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
            String agentCpu = agentCpuAtHold < 0 || agentCpuNow < 0 ? "unknown"
                    : String.format("%.2f cores", (agentCpuNow - agentCpuAtHold) / 1e9 / heldSeconds);
            System.out.printf("during the %.0f s hold: hub CPU %.2f cores, agent JVM CPU %s, agent JVM threads %s,"
                            + " load average %.1f%n", heldSeconds, hubCpu, agentCpu, threadsOf(child.pid()),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long loaded = usedHeapAfterGc();
            int linkedAtGc = hub.room.agents().size() - before;
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("idle agents (MaxPingTime %d ms, " + agentDialer + " dialer): %d asked, linked in %.1f s, %d linked after %d s idle,"
                            + " %d at the heap reading; hub threads %d -> %d%n", agentPingMs, idle, linkSeconds,
                    linkedAfterHold, holdSeconds, linkedAtGc, threadsBefore, threadsAfter);
            if (linkedAtGc < idle * 0.9) {
                System.out.println("hub heap: no figure, fewer than 90% of the idle agents stayed linked");
                return;
            }
            double perAgent = (double) (loaded - baseline) / linkedAtGc;
            double inTwoGib = (2 * GIB - baseline) / perAgent;
            System.out.printf("hub heap after GC: %.1f MiB -> %.1f MiB = %.1f KiB per idle agent link;"
                            + " by heap alone, extrapolated, 2 GiB holds about %.0f agents (goal 10,000: %s on heap)%n",
                    baseline / 1048576.0, loaded / 1048576.0, perAgent / 1024, inTwoGib,
                    inTwoGib >= 10_000 ? "met" : "NOT met");
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));
            System.out.println("agent JVM: " + tail(childLines));
        }
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The thread count of a process from /proc (Linux), or "unknown". */
    private static String threadsOf(long pid) {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("Threads:")).map(l -> l.substring(8).trim()).findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String tail(List<String> lines) {
        synchronized (lines) {
            return lines.isEmpty() ? "(nothing)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        }
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static String javaBinary() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            while (System.nanoTime() < limit) {
                LockSupport.parkNanos(limit - System.nanoTime());
            }
            System.out.println("hub load run: stopped by its " + maxSeconds + " s limit");
            System.out.flush();
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(2);
        }, "hub-load-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** {@code --name value} pairs. */
    private record Args(String[] raw) {
        int integer(String name, int fallback) {
            for (int i = 0; i + 1 < raw.length; i++) {
                if (raw[i].equals(name)) {
                    return Integer.parseInt(raw[i + 1]);
                }
            }
            return fallback;
        }

        String text(String name, String fallback) {
            for (int i = 0; i + 1 < raw.length; i++) {
                if (raw[i].equals(name)) {
                    return raw[i + 1];
                }
            }
            return fallback;
        }

        /** {@code off}, {@code interval,timeout} in ms, or absent (null: the hub's default). */
        long[] keepAlive(String name) {
            for (int i = 0; i + 1 < raw.length; i++) {
                if (raw[i].equals(name)) {
                    if (raw[i + 1].equals("off")) {
                        return new long[] {0, 0};
                    }
                    String[] parts = raw[i + 1].split(",");
                    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
                }
            }
            return null;
        }
    }
}
