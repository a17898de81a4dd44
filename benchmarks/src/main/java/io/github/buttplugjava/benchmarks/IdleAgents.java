package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Idle share agents in their own JVM, so the hub's heap holds only the hub's side of each link.
 * Started by {@link HubLoadRun}: links {@code count} agents (each one simulated toy, fully granted)
 * in batches, prints {@code linked <n>}, then keeps them until its standard input closes or
 * {@code maxSeconds} pass, and exits.
 *
 * <p>Arguments: {@code <share URI> <share token> <count> <maxSeconds> <agent MaxPingTime ms> [default|jdk]
 * [mixed|aligned] [keep-going]}; {@code keep-going}: a refused agent is counted and the others go on
 * (without it the first refusal ends the run); {@code default} dials with the library's WebSocket connector as it comes, {@code jdk} with
 * {@link JdkWebSocketDialer} (the same connector over one JDK HTTP client with 4 worker threads).
 * For a cluster ({@link ClusterIdleRun}) the URI and the token may each be a comma-separated list:
 * agent {@code i} dials hub {@code i % hubs} (as a round-robin load balancer would) and shares
 * into room {@code (i / hubs) % rooms} ({@code mixed}: every room has agents on every hub) or
 * {@code i % rooms} ({@code aligned}: with rooms a multiple of hubs, a room's agents all dial one hub).
 *
 * <p>{@code pause-at=0,1000,5000} (anywhere after the fifth argument): once that many agents are
 * started and welcomed, prints {@code paused <n>} and dials no more until a line arrives on its
 * standard input, so a script can read both JVMs at fixed link counts ({@code idle-10k.sh}).
 * {@code pace=<agents per second>}: batches start no faster than that (a fleet's agents do not
 * all dial in the same second); default: each batch as soon as the previous one is welcomed.
 */
public final class IdleAgents {

    /** Agents dialed at once: under the hub's default cap of 32 pending sockets per address (all agents are 127.0.0.1). */
    private static final int BATCH_PER_HUB = 25;
    private static final long BATCH_SECONDS = 60;
    /** Refusal reasons printed (the rest are counted). */
    private static final int MAX_REFUSALS_PRINTED = 200;

    private IdleAgents() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(HubLoadRun.LOG_LEVEL) == null) {
            System.setProperty(HubLoadRun.LOG_LEVEL, "error");
        }
        if (args[0].contains(",")) { // a cluster run (ClusterIdleRun) keeps this output in a file: why each link dropped
            String agentLog = "org.slf4j.simpleLogger.log.io.github.buttplugjava.remote.agent";
            if (System.getProperty(agentLog) == null) {
                System.setProperty(agentLog, "info");
            }
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        }
        List<URI> hubs = java.util.Arrays.stream(args[0].split(",")).map(URI::create).toList();
        List<String> tokens = List.of(args[1].split(","));
        boolean aligned = args.length > 6 && args[6].equals("aligned");
        boolean keepGoing = args.length > 7 && args[7].equals("keep-going");
        java.util.TreeSet<Integer> pauseAt = new java.util.TreeSet<>();
        double pace = 0;
        for (int a = 5; a < args.length; a++) {
            if (args[a].startsWith("pause-at=")) {
                for (String n : args[a].substring("pause-at=".length()).split(",")) {
                    pauseAt.add(Integer.parseInt(n.trim()));
                }
            } else if (args[a].startsWith("pace=")) {
                pace = Double.parseDouble(args[a].substring("pace=".length()));
            }
        }
        int refused = 0;
        int count = Integer.parseInt(args[2]);
        long maxSeconds = Long.parseLong(args[3]);
        Duration maxPingTime = Duration.ofMillis(Long.parseLong(args[4]));
        JdkWebSocketDialer jdk = args.length > 5 && args[5].equals("jdk") ? new JdkWebSocketDialer(4) : null;
        CompletableFuture<Void> released = new CompletableFuture<>();
        java.util.concurrent.Semaphore resumes = new java.util.concurrent.Semaphore(0);
        Thread stdin = new Thread(() -> {
            try {
                for (int c = System.in.read(); c >= 0; c = System.in.read()) {
                    if (c == '\n') {
                        resumes.release(); // a line: go on past a pause; end of input means the parent is done
                    }
                }
            } catch (java.io.IOException e) {
                // the parent is gone: same as end of input
            }
            released.complete(null);
        }, "idle-agents-stdin");
        stdin.setDaemon(true);
        stdin.start();

        List<RemoteClient> agents = java.util.Collections.synchronizedList(new ArrayList<>(count));
        Thread status = new Thread(() -> {
            while (!released.isDone()) {
                long linked;
                synchronized (agents) {
                    linked = agents.stream().filter(RemoteClient::isLinked).count();
                }
                Runtime rt = Runtime.getRuntime();
                System.out.println("AGENTS linked=" + linked + " heap=" + ((rt.totalMemory() - rt.freeMemory()) >> 20) + "MiB");
                System.out.flush();
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // a line a second, for the run's log
            }
        }, "idle-agents-status");
        status.setDaemon(true);
        status.start();
        int batch = BATCH_PER_HUB * hubs.size();
        long paceNanos = System.nanoTime(); // pacing counts from here and from agent paceFrom on
        int paceFrom = 0;
        try {
            for (int from = 0; from < count && !released.isDone(); from += batch) {
                if (pauseAt.remove(from)) {
                    pause(from, resumes, released);
                    paceNanos = System.nanoTime(); // no burst to catch up after a pause
                    paceFrom = from;
                }
                if (pace > 0) { // not before (from - paceFrom) / pace seconds after the pacing began
                    long due = paceNanos + (long) ((from - paceFrom) / pace * 1e9);
                    while (System.nanoTime() < due && !released.isDone()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                List<CompletableFuture<Void>> started = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    SimulatedDevices local = SimulatedDevices.builder().presentAtStart(true).add("lovense").build();
                    URI hub = hubs.get(i % hubs.size());
                    String token = tokens.get((aligned ? i : i / hubs.size()) % tokens.size());
                    RemoteClient.Builder builder = RemoteClient.builder(hub, token, "idle" + i, local)
                            .maxPingTime(maxPingTime);
                    if (jdk != null) {
                        builder.dialer(jdk::dial);
                    }
                    RemoteClient agent = builder.build();
                    agents.add(agent);
                    agent.grants().shareAll(DeviceGrant.full()).get(BATCH_SECONDS, TimeUnit.SECONDS);
                    started.add(agent.start());
                }
                if (keepGoing) {
                    // a refused agent is counted, the others go on (an alias still held by a dropped link, ...)
                    List<CompletableFuture<Throwable>> outcomes = started.stream().map(f -> f.handle((v, e) -> e)).toList();
                    CompletableFuture.allOf(outcomes.toArray(new CompletableFuture<?>[0])).get(BATCH_SECONDS, TimeUnit.SECONDS);
                    for (CompletableFuture<Throwable> o : outcomes) {
                        Throwable e = o.join();
                        if (e != null) {
                            refused++;
                            if (refused <= MAX_REFUSALS_PRINTED) {
                                System.out.println("refusal " + refused + ": " + e);
                            }
                        }
                    }
                } else {
                    CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0])).get(BATCH_SECONDS, TimeUnit.SECONDS);
                }
                System.out.println("linked " + agents.size());
                System.out.flush();
            }
            if (pauseAt.remove(agents.size())) {
                pause(agents.size(), resumes, released);
            }
            released.get(maxSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            System.out.println("gave up: an agent was refused: " + e.getCause() + "; " + agents.size() + " agents started");
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("gave up: a batch was not welcomed within " + BATCH_SECONDS + " s, or "
                    + maxSeconds + " s passed; " + agents.size() + " agents started");
        } finally {
            long linked;
            synchronized (agents) {
                linked = agents.stream().filter(RemoteClient::isLinked).count();
            }
            System.out.println("still linked " + linked + (keepGoing ? " (refused while linking: " + refused + ")" : ""));
            System.out.flush();
            Runtime.getRuntime().halt(0); // 2,000 orderly closes would take long; the hub sees the sockets drop
        }
    }

    /** Prints {@code paused <n>} and waits for a line on standard input, or its end. */
    private static void pause(int started, java.util.concurrent.Semaphore resumes, CompletableFuture<Void> released) {
        System.out.println("paused " + started);
        System.out.flush();
        while (!released.isDone()) {
            try {
                if (resumes.tryAcquire(1, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
