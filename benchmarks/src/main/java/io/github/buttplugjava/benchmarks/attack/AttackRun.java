package io.github.buttplugjava.benchmarks.attack;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import io.github.buttplugjava.testsupport.SilentSockets;
import io.github.buttplugjava.testsupport.WsPeer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attack run: each hostile-peer attack of {@code docs/LIMITS.md} at full size against the real
 * jar ({@code hub} and {@code serve --simulate lovense}) started as a child process, from this JVM.
 * During each attack it samples the child's RSS from {@code /proc/<pid>/status} and an honest
 * peer's handshake + one command round trip, and prints a table with a verdict against the targets
 * (peak RSS &lt; 512 MB, honest &lt; 1 s). Not part of CI. The scaled-down, asserted versions are the
 * examples' {@code hardening.*Test}.
 *
 * <p>On the hub, one controller per room: while an attack holds the room's controller slot, the
 * honest probe's handshake is answered with the hub's refusal, and its time (handshake only) is
 * what is measured; otherwise it is handshake + a vibrate command answered Ok. The probe runs once,
 * unmeasured, before each attack starts (this JVM's first connect is the prober's own warm-up).
 *
 * <p>Build and run (from the repository root):
 * <pre>
 * mvn -B -pl examples,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.attack.AttackRun
 * java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.attack.AttackRun --only packed-cut-hub
 * java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.attack.AttackRun --soak 30
 * </pre>
 * Options: {@code --child-jvm "OPTIONS"} (JVM options of the hub or serve child, e.g.
 * {@code "-Xmx256m"}; the JVM's own defaults otherwise), {@code --jar PATH} (default {@code examples/target/buttplug.jar}), {@code --only NAME}
 * (one attack; names as in the table), {@code --seconds N} (length of the timed attacks, default 60),
 * {@code --soak MINUTES} (instead of the attacks: 20 agent child processes, some killed with
 * SIGKILL, and 20 controllers churning against the hub, then leaked devices, threads, sockets and
 * heap of the hub are reported).
 */
public final class AttackRun {

    static final String SHARE = "share-token-attack-run-0123456789";
    static final String CONTROL = "control-token-attack-run-0123456789";
    static final long RSS_TARGET_MB = 512;
    static final long HONEST_TARGET_MS = 1000;

    private final Path jar;
    private final int seconds;
    private final List<String> rows = new ArrayList<>();
    /** JVM options of the hub and serve children (e.g. -Xmx256m); none by default. */
    private static List<String> childJvm = List.of();

    private AttackRun(Path jar, int seconds) {
        this.jar = jar;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path jar = Path.of("examples/target/buttplug.jar");
        String only = null;
        int seconds = 60;
        int soak = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--child-jvm" -> childJvm = List.of(args[++i].trim().split("\\s+"));
                case "--soak" -> soak = i + 1 < args.length && !args[i + 1].startsWith("--") ? Integer.parseInt(args[++i]) : 30;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it with mvn -pl examples -am package -DskipTests");
        }
        AttackRun run = new AttackRun(jar, seconds);
        if (soak >= 0) {
            run.soak(soak);
        } else {
            run.attacks(only);
        }
        System.exit(0);
    }

    // ---- the child processes ------------------------------------------------------------------

    /** The hub or serve running the jar, with its port and pid. */
    final class Child implements AutoCloseable {
        final Process process;
        final int port;

        Child(List<String> command, int port) throws Exception {
            this.port = port;
            List<String> full = new ArrayList<>(List.of(javaBin()));
            full.addAll(childJvm);
            full.addAll(List.of("-jar", jar.toString()));
            full.addAll(command);
            process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listening(port)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    close();
                    throw new IllegalStateException("child did not start: " + full);
                }
                Thread.sleep(100);
            }
        }

        long rssMb() {
            return procStatus(process.pid(), "VmRSS:") / 1024;
        }

        long threads() {
            return procStatus(process.pid(), "Threads:");
        }

        long sockets() {
            try (var fds = Files.list(Path.of("/proc/" + process.pid() + "/fd"))) {
                return fds.filter(p -> {
                    try {
                        return Files.readSymbolicLink(p).toString().startsWith("socket:");
                    } catch (IOException e) {
                        return false;
                    }
                }).count();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    Child hub() throws Exception {
        int port = freePort();
        return new Child(List.of("hub", "--port", Integer.toString(port), "--share-token", SHARE,
                "--control-token", CONTROL), port);
    }

    Child serve() throws Exception {
        int port = freePort();
        return new Child(List.of("serve", "--port", Integer.toString(port), "--simulate", "lovense"), port);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static long procStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the child is gone
        }
        return -1;
    }

    // ---- measuring -----------------------------------------------------------------------------

    /** Samples RSS and honest round trips while an attack runs. */
    final class Meter implements AutoCloseable {
        final Child child;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong peakRss = new AtomicLong();
        final List<Long> honest = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong honestFailures = new AtomicLong();
        final Thread rss;
        final Thread probe;

        Meter(Child child, Probe honestProbe) {
            this.child = child;
            rss = new Thread(() -> {
                while (running.get()) {
                    peakRss.accumulateAndGet(child.rssMb(), Math::max);
                    sleep(200);
                }
            }, "rss");
            probe = new Thread(() -> {
                while (running.get()) {
                    long t = System.nanoTime();
                    try {
                        honestProbe.run();
                        honest.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
                    } catch (Exception e) {
                        if (honestFailures.incrementAndGet() <= 5) { // why, for the first few
                            Throwable cause = e.getCause() != null ? e.getCause() : e;
                            System.out.println("  honest probe failed after "
                                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t) + " ms: " + cause);
                        }
                    }
                    sleep(500);
                }
            }, "honest");
            rss.setDaemon(true);
            probe.setDaemon(true);
            rss.start();
            probe.start();
        }

        void report(String attack) throws InterruptedException {
            running.set(false);
            probe.join(15_000);
            List<Long> ms = new ArrayList<>(honest);
            Collections.sort(ms);
            long p50 = ms.isEmpty() ? -1 : ms.get(ms.size() / 2);
            long max = ms.isEmpty() ? -1 : ms.get(ms.size() - 1);
            boolean ok = peakRss.get() < RSS_TARGET_MB && !ms.isEmpty() && max < HONEST_TARGET_MS && honestFailures.get() == 0;
            String row = String.format(Locale.ROOT, "%-22s %10d %10d %10d %8d  %s", attack, peakRss.get(), p50, max,
                    honestFailures.get(), ok ? "PASS" : "FAIL");
            rows.add(row);
            System.out.println(row);
        }

        @Override
        public void close() {
            running.set(false);
        }
    }

    interface Probe {
        void run() throws Exception;
    }

    /**
     * Runs the probe once, unmeasured, before the attack starts: the first connect of this JVM's
     * client (class loading, the JDK's HTTP client, the JIT) took up to ~1 s with no attack at all
     * (baseline-serve), which is the prober's cost, not the attack's.
     */
    static void warmUp(Probe probe) {
        long t = System.nanoTime();
        try {
            probe.run();
            System.out.println("  warm-up probe (unmeasured): " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t) + " ms");
        } catch (Exception e) {
            System.out.println("  warm-up probe failed (before the attack): " + (e.getCause() != null ? e.getCause() : e));
        }
    }

    /** Handshake, then (if the room's controller slot is free) one vibrate answered Ok. */
    static Probe hubProbe(int port) {
        return () -> {
            try (WsPeer p = WsPeer.connect(port, "/control/" + CONTROL)) {
                p.sendText("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"honest\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
                String first = p.await(t -> t.contains("ServerInfo") || t.contains("Error"), Duration.ofSeconds(5));
                if (!first.contains("ServerInfo")) {
                    return; // the slot is taken by the attacker: the refusal is the answer
                }
                p.sendText("[{\"RequestDeviceList\":{\"Id\":2}}]");
                String list = p.await(t -> t.contains("\"Id\":2"), Duration.ofSeconds(5));
                int index = list.indexOf("\"DeviceIndex\":");
                if (index < 0) {
                    return;
                }
                String n = list.substring(index + 14).replaceAll("^(\\d+).*", "$1");
                p.sendText("[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":" + n
                        + ",\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":5}}}}]");
                String reply = p.await(t -> t.contains("\"Id\":3"), Duration.ofSeconds(5));
                if (!reply.contains("Ok")) {
                    throw new IllegalStateException("honest command refused: " + reply);
                }
            }
        };
    }

    static Probe serveProbe(int port) {
        return () -> {
            ButtplugClient client = ButtplugClient.builder("honest").requestTimeout(Duration.ofSeconds(5)).build();
            long t0 = System.nanoTime();
            try {
                client.connect(WebSocketConnector.builder(URI.create("ws://127.0.0.1:" + port + "/"))
                        .connectTimeout(Duration.ofSeconds(5)).build()).get(5, TimeUnit.SECONDS);
                long connected = System.nanoTime();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (client.devices().isEmpty() && System.nanoTime() < deadline) {
                    client.startScanning();
                    sleep(50);
                }
                long listed = System.nanoTime();
                ButtplugClientDevice d = client.devices().get(0);
                d.vibrate(0.3).get(5, TimeUnit.SECONDS);
                long done = System.nanoTime();
                if (done - t0 > TimeUnit.MILLISECONDS.toNanos(HONEST_TARGET_MS)) { // where a slow one waited
                    System.out.printf(Locale.ROOT, "  slow honest probe: connect + handshake %d ms, device %d ms, command %d ms%n",
                            TimeUnit.NANOSECONDS.toMillis(connected - t0), TimeUnit.NANOSECONDS.toMillis(listed - connected),
                            TimeUnit.NANOSECONDS.toMillis(done - listed));
                }
            } finally {
                client.disconnect();
            }
        };
    }

    /** An in-process honest share agent (Alice, one simulated Lovense) on the hub child. */
    static RemoteClient alice(int port) throws Exception {
        RemoteClient agent = RemoteClient.builder(URI.create("ws://127.0.0.1:" + port + "/share"), SHARE, "Alice",
                SimulatedDevices.builder().presentAtStart(true).add("lovense").build()).build();
        agent.grants().shareAll(DeviceGrant.full()).get(5, TimeUnit.SECONDS);
        agent.start().get(10, TimeUnit.SECONDS);
        return agent;
    }

    // ---- the attacks ---------------------------------------------------------------------------

    interface Attack {
        void run(Child child, Duration length) throws Exception;
    }

    void attacks(String only) throws Exception {
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s %8s  %s%n", "attack", "peakRSS MB", "honest p50",
                "honest max", "failed", "verdict (RSS < 512 MB, honest < 1 s)");
        Duration length = Duration.ofSeconds(seconds);
        // no attack: the honest probe's own figures, the baseline the others compare with
        run(only, "baseline-hub", true, length, (c, d) -> Thread.sleep(d.toMillis()));
        run(only, "baseline-serve", false, length, (c, d) -> Thread.sleep(d.toMillis()));
        run(only, "packed-cut-hub", true, length, (c, d) -> packedThenCut(c.port, "/control/" + CONTROL, d));
        run(only, "packed-cut-serve", false, length, (c, d) -> packedThenCut(c.port, "/", d));
        run(only, "unread+packed-hub", true, length, (c, d) -> unreadAndPacked(c.port, "/control/" + CONTROL, d));
        run(only, "unread+packed-serve", false, length, (c, d) -> unreadAndPacked(c.port, "/", d));
        run(only, "silent-tcp-hub", true, length, (c, d) -> silentTcp(c.port, "/share", d));
        run(only, "silent-tcp-serve", false, length, (c, d) -> silentTcp(c.port, "/", d));
        run(only, "silent-ws-serve", false, length, (c, d) -> silentWs(c.port, d));
        run(only, "agent-churn-hub", true, length, (c, d) -> agentChurn(c.port, d));
        run(only, "agent-10k-devices-hub", true, length, (c, d) -> tenThousandDevices(c.port, d));
        run(only, "output-flood-hub", true, length, (c, d) -> outputFlood(c.port, d));
        run(only, "hostile-text-hub", true, length, (c, d) -> hostileText(c.port, d));
        run(only, "ping-1ms-hub", true, length, (c, d) -> pingOneMs(c.port, d));
        System.out.println();
        rows.forEach(System.out::println);
    }

    private void run(String only, String name, boolean onHub, Duration length, Attack attack) throws Exception {
        if (only != null && !only.equals(name)) {
            return;
        }
        try (Child child = onHub ? hub() : serve()) {
            RemoteClient honestAgent = onHub ? alice(child.port) : null;
            Probe honestProbe = onHub ? hubProbe(child.port) : serveProbe(child.port);
            warmUp(honestProbe);
            try (Meter meter = new Meter(child, honestProbe)) {
                try {
                    attack.run(child, length);
                } catch (Exception e) {
                    System.out.println(name + ": the attack itself ended with " + e);
                }
                meter.report(name);
            } finally {
                if (honestAgent != null) {
                    honestAgent.close();
                }
            }
        }
    }

    static String vibrate(long id, int device, int value) {
        return "{\"OutputCmd\":{\"Id\":" + id + ",\"DeviceIndex\":" + device
                + ",\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":" + value + "}}}}";
    }

    static String pingsThenVibrate(int pings, int device, int value) {
        StringBuilder b = new StringBuilder(pings * 22 + 128).append('[');
        for (int i = 0; i < pings; i++) {
            b.append("{\"Ping\":{\"Id\":").append(1000 + i % 9000).append("}},");
        }
        return b.append(vibrate(99, device, value)).append(']').toString();
    }

    static WsPeer handshaken(int port, String path) throws Exception {
        WsPeer p = WsPeer.connect(port, path);
        p.sendText("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"attacker\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
        p.await(t -> t.contains("ServerInfo") || t.contains("Error"), Duration.ofSeconds(5));
        return p;
    }

    /** Row 1 at size: 12,000 Pings + a vibrate per frame, flat out, then a cut; repeated. */
    static void packedThenCut(int port, String path, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            WsPeer p = handshaken(port, path);
            long cut = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 10_000 && System.nanoTime() < cut; i++) {
                        p.sendText(pingsThenVibrate(12_000, 0, 1 + i % 20));
                    }
                } catch (IOException closed) {
                    // cut
                }
            });
            sender.start();
            sender.join(5_000);
            p.kill();
            sender.join(5_000);
        }
    }

    /** Row 2 at size: a steady packer and a client that never reads. */
    static void unreadAndPacked(int port, String path, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        StringBuilder f = new StringBuilder("[");
        for (int i = 0; i < 64; i++) {
            f.append(i == 0 ? "" : ",").append("{\"RequestDeviceList\":{\"Id\":").append(10 + i).append("}}");
        }
        String lists = f.append(']').toString();
        while (System.nanoTime() < end) {
            WsPeer reader = WsPeer.connect(port, path, WsPeer.Options.polite().neverRead().receiveBuffer(4096));
            WsPeer packer = handshaken(port, path);
            try {
                reader.sendText("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"never reads\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
                Thread t = new Thread(() -> {
                    try {
                        for (int i = 0; i < 100_000 && System.nanoTime() < end; i++) {
                            reader.sendText(lists);
                            sleep(100);
                        }
                    } catch (IOException closed) {
                        // closed by the server: what should happen
                    }
                });
                t.setDaemon(true);
                t.start();
                for (int i = 0; i < 100_000 && System.nanoTime() < end && packer.isOpen(); i++) {
                    packer.sendText(pingsThenVibrate(12_000, 0, 1 + i % 20));
                    sleep(50);
                }
            } catch (IOException closed) {
                // the packer was closed: start again
            } finally {
                reader.kill();
                packer.kill();
            }
        }
    }

    /** Row 3 at size: 2,000 sockets that never upgrade, 50 of them dribbling. */
    static void silentTcp(int port, String path, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            try (SilentSockets crowd = new SilentSockets(port)) {
                crowd.openIdle(1_950);
                crowd.openDribbling(50, path);
                crowd.awaitClosed(Duration.ofSeconds(15), Duration.ofMillis(200));
            }
        }
    }

    /** Row 4 at size: 1,024 upgraded clients that never send a frame, 200 silent after RequestServerInfo. */
    static void silentWs(int port, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            try (SilentSockets crowd = new SilentSockets(port)) {
                crowd.openUpgraded(1_024, "/", null);
                crowd.openUpgraded(200, "/", "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"silent\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
                crowd.awaitClosed(Duration.ofSeconds(15), null);
            }
        }
    }

    /** A raw agent: hello, then answers the hub as a Buttplug v4 server with {@code devices}. */
    static WsPeer rawAgent(int port, String alias, String devices, long maxPingMs, String commandReply) throws Exception {
        WsPeer[] self = new WsPeer[1];
        AtomicBoolean welcomed = new AtomicBoolean();
        WsPeer p = WsPeer.connect(port, "/share", WsPeer.Options.polite().onText(text -> {
            if (!welcomed.getAndSet(true)) {
                return;
            }
            StringBuilder out = new StringBuilder("[");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"(\\w+)\":\\{\"Id\":(\\d+)").matcher(text);
            while (m.find()) {
                String name = m.group(1);
                String id = m.group(2);
                String reply = switch (name) {
                    case "RequestServerInfo" -> "{\"ServerInfo\":{\"Id\":" + id + ",\"ServerName\":\"hostile\","
                            + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0,\"MaxPingTime\":" + maxPingMs + "}}";
                    case "RequestDeviceList" -> "{\"DeviceList\":{\"Id\":" + id + ",\"Devices\":" + devices + "}}";
                    case "OutputCmd", "StopCmd" -> commandReply.replace("$ID", id);
                    default -> "{\"Ok\":{\"Id\":" + id + "}}";
                };
                out.append(out.length() > 1 ? "," : "").append(reply);
            }
            try {
                if (out.length() > 1) {
                    self[0].sendText(out.append(']').toString());
                }
            } catch (IOException closed) {
                // closed by the hub
            }
        }));
        self[0] = p;
        p.sendText("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"" + SHARE + "\",\"Alias\":\"" + alias + "\"}}");
        return p;
    }

    static String vibrator(int index, String name, String description, long gap) {
        return "\"" + index + "\":{\"DeviceName\":\"" + name + "\",\"DeviceIndex\":" + index
                + ",\"DeviceMessageTimingGap\":" + gap + ",\"DeviceFeatures\":{\"0\":{\"FeatureIndex\":0,"
                + "\"FeatureDescription\":\"" + description + "\",\"Output\":{\"Vibrate\":{\"Value\":[0,20]}}}}}";
    }

    static String vibrators(int from, int count) {
        StringBuilder b = new StringBuilder("{");
        for (int i = from; i < from + count; i++) {
            b.append(i == from ? "" : ",").append(vibrator(i, "Toy " + i, "", 0));
        }
        return b.append('}').toString();
    }

    static final String OK = "{\"Ok\":{\"Id\":$ID}}";

    /** Row 5 at size: add/remove devices flat out, reconnecting whenever the hub closes the link. */
    static void agentChurn(int port, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        int n = 0;
        while (System.nanoTime() < end) {
            try (WsPeer agent = rawAgent(port, "Churner", vibrators(0, 1), 0, OK)) {
                sleep(200);
                for (int i = 0; i < 1_000_000 && agent.isOpen() && System.nanoTime() < end; i++, n++) {
                    agent.sendText("[{\"DeviceList\":{\"Id\":0,\"Devices\":" + (i % 2 == 0 ? vibrators(n, 1) : "{}") + "}}]");
                }
            } catch (IOException closed) {
                // the hub closed the churner: dial again
            }
        }
    }

    /** Row 6 at size: 10,000 devices in one list, then 10,000 announced one at a time. */
    static void tenThousandDevices(int port, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            try (WsPeer agent = rawAgent(port, "Hoarder", vibrators(0, 10_000), 0, OK)) {
                agent.closed.get(10, TimeUnit.SECONDS);
            } catch (Exception stillOpen) {
                // the hub kept it: the table shows the cost
            }
            try (WsPeer agent = rawAgent(port, "Hoarder2", "{}", 0, OK)) {
                sleep(200);
                for (int i = 1; i <= 10_000 && agent.isOpen() && System.nanoTime() < end; i++) {
                    agent.sendText("[{\"DeviceList\":{\"Id\":0,\"Devices\":" + vibrators(0, i) + "}}]");
                }
            } catch (IOException closed) {
                // refused at the cap
            }
        }
    }

    /** Row 7 at size: 10,000 OutputCmd/s to Alice's toy. */
    static void outputFlood(int port, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            try (WsPeer c = handshaken(port, "/control/" + CONTROL)) {
                for (int i = 0; i < 10_000_000 && c.isOpen() && System.nanoTime() < end; i++) {
                    StringBuilder f = new StringBuilder("[");
                    for (int k = 0; k < 64; k++) {
                        f.append(k == 0 ? "" : ",").append(vibrate(1000 + k, 0, 1 + (i + k) % 20));
                    }
                    c.sendText(f.append(']').toString());
                    long next = System.nanoTime() + 6_400_000;
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                }
            } catch (IOException closed) {
                // the flooder was closed: again
            }
        }
    }

    /** Row 8 at size: huge names, descriptions and error texts with escapes, timing gap 2^32-1. */
    static void hostileText(int port, Duration length) throws Exception {
        String esc = "\\u001b[31m\\n";
        String name = "Evil" + esc + "n".repeat(20_000);
        String description = esc + "d".repeat(100_000);
        String error = "{\"Error\":{\"Id\":$ID,\"ErrorMessage\":\"" + esc + "e".repeat(200_000) + "\",\"ErrorCode\":4}}";
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            try (WsPeer agent = rawAgent(port, "Mallory", "{" + vibrator(0, name, description, 4294967295L) + "}", 0, error)) {
                sleep(2000);
                try (WsPeer c = handshaken(port, "/control/" + CONTROL)) {
                    for (int i = 0; i < 20 && c.isOpen() && System.nanoTime() < end; i++) {
                        c.sendText("[" + vibrate(10 + i, 1, 5) + "]");
                        sleep(500);
                    }
                }
            } catch (IOException closed) {
                // refused
            }
        }
    }

    /** Row 12 at size: agents announcing MaxPingTime 1 ms; reports the Buttplug Pings they got. */
    static void pingOneMs(int port, Duration length) throws Exception {
        List<WsPeer> agents = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                agents.add(rawAgent(port, "Pinger" + i, vibrators(0, 1), 1, OK));
            }
            sleep(length.toMillis());
            long frames = agents.stream().mapToLong(a -> a.textBytes.get()).sum();
            System.out.println("ping-1ms: 20 agents received " + frames + " bytes of frames in " + length.toSeconds() + " s");
        } finally {
            agents.forEach(WsPeer::kill);
        }
    }

    // ---- soak ------------------------------------------------------------------------------------

    /** 20 agent processes (some SIGKILLed) and 20 controllers churning for {@code minutes}. */
    void soak(int minutes) throws Exception {
        try (Child hub = hub()) {
            sleep(2000);
            long threads0 = hub.threads();
            long sockets0 = hub.sockets();
            long rss0 = hub.rssMb();
            System.out.printf(Locale.ROOT, "soak: baseline threads %d, sockets %d, RSS %d MB%n", threads0, sockets0, rss0);
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            List<Thread> loops = new ArrayList<>();
            AtomicLong cycles = new AtomicLong();
            AtomicLong peakRss = new AtomicLong(rss0);
            for (int a = 0; a < 20; a++) {
                int id = a;
                loops.add(daemon(() -> {
                    while (System.nanoTime() < end) {
                        Process agent = null;
                        try {
                            agent = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "share", "--hub",
                                    "ws://127.0.0.1:" + hub.port + "/share", "--token", SHARE, "--alias", "Agent" + id,
                                    "--simulate", "lovense").redirectErrorStream(true)
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                            sleep(ThreadLocalRandom.current().nextLong(3_000, 15_000));
                        } catch (IOException e) {
                            sleep(1000);
                        } finally {
                            if (agent != null) {
                                if (ThreadLocalRandom.current().nextBoolean()) {
                                    agent.destroyForcibly(); // SIGKILL: the hub must notice by itself
                                } else {
                                    agent.destroy();
                                }
                                try {
                                    agent.waitFor(10, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            cycles.incrementAndGet();
                        }
                    }
                }));
            }
            for (int c = 0; c < 20; c++) {
                loops.add(daemon(() -> {
                    Probe probe = hubProbe(hub.port);
                    while (System.nanoTime() < end) {
                        try {
                            if (ThreadLocalRandom.current().nextBoolean()) {
                                probe.run();
                            } else {
                                WsPeer p = handshaken(hub.port, "/control/" + CONTROL);
                                p.sendText("[" + vibrate(5, 0, 10) + "]");
                                sleep(ThreadLocalRandom.current().nextLong(50, 500));
                                p.kill();
                            }
                        } catch (Exception | AssertionError e) {
                            // refused (slot taken), cut, or closed for silence on a starved machine: churn goes on
                        }
                        cycles.incrementAndGet();
                        sleep(ThreadLocalRandom.current().nextLong(100, 1000));
                    }
                }));
            }
            while (System.nanoTime() < end) {
                peakRss.accumulateAndGet(hub.rssMb(), Math::max);
                sleep(1000);
            }
            for (Thread t : loops) {
                t.join(30_000);
            }
            sleep(10_000); // keepalive (3 s) and agent ping-outs settle
            int leakedDevices = -1;
            try (WsPeer p = handshaken(hub.port, "/control/" + CONTROL)) {
                p.sendText("[{\"RequestDeviceList\":{\"Id\":2}}]");
                String list = p.await(t -> t.contains("\"Id\":2"), Duration.ofSeconds(5));
                leakedDevices = list.split("\"DeviceIndex\"", -1).length - 1;
            } catch (Exception | AssertionError e) {
                System.out.println("soak: could not list the room: " + e);
            }
            String heap = jcmd(hub.process.pid());
            System.out.printf(Locale.ROOT, "soak: %d cycles in %d min; peak RSS %d MB%n", cycles.get(), minutes, peakRss.get());
            System.out.printf(Locale.ROOT, "soak: leaked devices %d, threads %d (baseline %d), sockets %d (baseline %d), RSS %d MB (baseline %d)%n",
                    leakedDevices, hub.threads(), threads0, hub.sockets(), sockets0, hub.rssMb(), rss0);
            System.out.println("soak: heap after GC: " + heap);
        }
    }

    static String jcmd(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return out.lines().filter(l -> l.contains("total") || l.contains("used")).findFirst().orElse(out.trim());
        } catch (IOException | InterruptedException e) {
            return "unavailable: " + e;
        }
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
