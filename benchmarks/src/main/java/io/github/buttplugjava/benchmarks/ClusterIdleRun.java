package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.testsupport.nats.NatsServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Idle share agents held by a hub cluster (issue 16): a real {@code nats-server}, {@code --nodes}
 * hub nodes each in a JVM of its own ({@link ClusterNodeMain}, the library's default settings),
 * and {@code --idle} agents in one more JVM ({@link IdleAgents}: the default MaxPingTime 1.5 s, so
 * the share link heartbeat) dialing the nodes round-robin into {@code --rooms} rooms. Counts the
 * agents in the rooms (at their owners) once linked and again after {@code --hold-seconds} idle;
 * run it with {@code --nodes 1} and {@code --nodes 3} and compare the most that hold.
 *
 * <p>{@code --spread mixed} (default): every room has agents on every node, so two in three links
 * are bridged to the room's owner, as behind a load balancer; {@code aligned}: room {@code r}'s
 * agents all dial node {@code r % nodes}, which comes to own it (no bridging; the best case).
 * All JVMs share the machine's cores. Bounded by a watchdog ({@code --max-seconds}).
 *
 * <p>Every child's whole output (each node logs its cluster events at INFO: peers taken for gone
 * with their last beat's age, leases lost or taken, bridged links closed) is written to a file of
 * its own in the run directory ({@code --run-dir}, default {@code target/cluster-idle/<UTC time>}),
 * each file cut at {@value #MAX_LOG_BYTES} bytes.
 *
 * <p>Arguments (all optional): {@code --nodes 3 --rooms 3 --idle 3000 --spread mixed --hold-seconds 20
 * --max-seconds 400 --node-xmx 1g --agent-xmx 3g --run-dir DIR}.
 */
public final class ClusterIdleRun {

    /** Most bytes of one child's output written to its file. */
    static final long MAX_LOG_BYTES = 64L << 20;

    private ClusterIdleRun() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = intArg(args, "--nodes", 3);
        int rooms = intArg(args, "--rooms", 3);
        int idle = intArg(args, "--idle", 3000);
        int hold = intArg(args, "--hold-seconds", 20);
        int maxSeconds = intArg(args, "--max-seconds", 400);
        String spread = textArg(args, "--spread", "mixed");
        String nodeXmx = textArg(args, "--node-xmx", "1g");
        String agentXmx = textArg(args, "--agent-xmx", "3g");
        Path runDir = Path.of(textArg(args, "--run-dir", "target/cluster-idle/"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-n" + nodes + "-" + spread + "-" + idle));
        Files.createDirectories(runDir);
        startWatchdog(maxSeconds);
        System.out.println("cluster idle run: output of every JVM in " + runDir.toAbsolutePath());
        System.out.printf("cluster idle run: %d node JVMs, %d rooms, %d idle agents (%s), hold %d s; %d cores, load average %.1f%n",
                nodes, rooms, idle, spread, hold, Runtime.getRuntime().availableProcessors(), load());
        List<Child> nodeJvms = new ArrayList<>();
        Child agents = null;
        try (NatsServer nats = NatsServer.start()) {
            List<String> uris = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                Child node = Child.start("n" + (n + 1), runDir, List.of(java(), "-Xmx" + nodeXmx, "-cp", classPath(),
                        ClusterNodeMain.class.getName(), nats.url(), "n" + (n + 1), Integer.toString(rooms)));
                nodeJvms.add(node);
                String ready = node.await("READY ", 60);
                uris.add("ws://127.0.0.1:" + ready.substring(6).trim() + "/share");
            }
            String tokens = java.util.stream.IntStream.range(0, rooms).mapToObj(ClusterNodeMain::shareToken)
                    .collect(Collectors.joining(","));
            long t0 = System.nanoTime();
            agents = Child.start("agents", runDir, List.of(java(), "-Xmx" + agentXmx, "-Xss256k", "-cp", classPath(),
                    IdleAgents.class.getName(), String.join(",", uris), tokens, Integer.toString(idle),
                    Integer.toString(maxSeconds), "1500", "default", spread, "keep-going"));
            long deadline = t0 + TimeUnit.SECONDS.toNanos(Math.min(300, Math.max(30, maxSeconds * 2L / 3)));
            while (held(nodeJvms) < idle) {
                if (System.nanoTime() > deadline || !agents.process.isAlive()) {
                    System.out.println("only " + held(nodeJvms) + " of " + idle + " agents linked by the deadline; agents' JVM said: "
                            + agents.tail());
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // bounded poll-until loop
            }
            double linkSeconds = (System.nanoTime() - t0) / 1e9;
            int linked = held(nodeJvms);
            long[] cpuAtHold = nodeJvms.stream().mapToLong(c -> c.status()[4]).toArray();
            long agentCpuAtHold = cpuOf(agents);
            long holdStart = System.nanoTime();
            long holdEnd = holdStart + TimeUnit.SECONDS.toNanos(hold);
            while (System.nanoTime() < holdEnd) {
                LockSupport.parkNanos(holdEnd - System.nanoTime()); // idle on purpose: heartbeats run meanwhile
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1100)); // a fresh status line from every node
            double heldSeconds = (System.nanoTime() - holdStart) / 1e9;
            int after = held(nodeJvms);
            StringBuilder perNode = new StringBuilder();
            double nodeCores = 0;
            for (int n = 0; n < nodes; n++) {
                long[] s = nodeJvms.get(n).status();
                double cores = (s[4] - cpuAtHold[n]) / 1e9 / heldSeconds;
                nodeCores += cores;
                perNode.append(String.format("%n  n%d: %d agents in %d owned rooms, %d sockets, %d bridged links"
                                + " (%d beaten here for their owners), %.2f cores, heap %d MiB",
                        n + 1, s[0], s[3], s[1], s[2], s[6], cores, s[5] >> 20));
            }
            long agentCpu = cpuOf(agents);
            System.out.printf("linked %d of %d in %.1f s; after %.0f s idle: %d held (in the rooms, at their owners);"
                            + " nodes' CPU %.2f cores, agents' JVM %s cores; load average %.1f%s%n", linked, idle, linkSeconds,
                    heldSeconds, after, nodeCores,
                    agentCpu < 0 || agentCpuAtHold < 0 ? "?" : String.format("%.2f", (agentCpu - agentCpuAtHold) / 1e9 / heldSeconds),
                    load(), perNode);
            agents.release();
            System.out.println("agents' JVM: " + agents.lastLine("AGENTS ") + "; " + agents.await("still linked", 30));
            System.out.printf("RESULT nodes=%d rooms=%d spread=%s idle=%d linked=%d held=%d%n", nodes, rooms, spread, idle, linked, after);
        } finally {
            if (agents != null) {
                agents.stop();
            }
            nodeJvms.forEach(Child::stop);
        }
        System.exit(0);
    }

    private static int held(List<Child> nodes) {
        return nodes.stream().mapToInt(c -> (int) c.status()[0]).sum();
    }

    private static long cpuOf(Child c) {
        return c.process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /** A child JVM whose output is read by a thread of its own; its last STATUS line is kept. */
    private static final class Child {
        final String name;
        final Process process;
        final List<String> lines = new ArrayList<>();
        volatile long[] status = new long[6];

        private Child(String name, Process process) {
            this.name = name;
            this.process = process;
        }

        static Child start(String name, Path runDir, List<String> command) throws IOException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            Child c = new Child(name, p);
            Path logFile = runDir.resolve(name + ".log");
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                     BoundedLog log = new BoundedLog(logFile, MAX_LOG_BYTES)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        log.line(line);
                        if (line.startsWith("STATUS ")) {
                            String[] f = line.substring(7).trim().split(" ");
                            long[] s = new long[8];
                            for (int i = 0; i < Math.min(8, f.length); i++) {
                                s[i] = Long.parseLong(f[i]);
                            }
                            c.status = s;
                        } else {
                            synchronized (c.lines) {
                                c.lines.add(line);
                                if (c.lines.size() > 200) {
                                    c.lines.remove(0);
                                }
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the child ended
                }
            }, name + "-output");
            reader.setDaemon(true);
            reader.start();
            return c;
        }

        long[] status() {
            return status;
        }

        /** The first output line starting with {@code prefix}, waiting up to {@code seconds}. */
        String await(String prefix, long seconds) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                synchronized (lines) {
                    for (String l : lines) {
                        if (l.startsWith(prefix)) {
                            return l;
                        }
                    }
                }
                if (!process.isAlive() && !hasLine(prefix)) {
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // bounded poll-until loop
            }
            throw new IllegalStateException(name + " printed no '" + prefix + "' within " + seconds + " s: " + tail());
        }

        /** The last output line starting with {@code prefix} kept in memory, or "(none)". */
        String lastLine(String prefix) {
            synchronized (lines) {
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (lines.get(i).startsWith(prefix)) {
                        return lines.get(i);
                    }
                }
            }
            return "(none)";
        }

        private boolean hasLine(String prefix) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.startsWith(prefix));
            }
        }

        String tail() {
            synchronized (lines) {
                return lines.isEmpty() ? "(nothing)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            }
        }

        /** Closes its standard input: the child ends on its own. */
        void release() throws IOException {
            process.getOutputStream().close();
        }

        void stop() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static void startWatchdog(int maxSeconds) {
        Thread watchdog = new Thread(() -> {
            long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            while (System.nanoTime() < limit) {
                LockSupport.parkNanos(limit - System.nanoTime());
            }
            System.out.println("cluster idle run: stopped by its " + maxSeconds + " s limit");
            System.out.flush();
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(2);
        }, "cluster-idle-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = textArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String textArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
