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
 * <p>Arguments: {@code <share URI> <share token> <count> <maxSeconds> <agent MaxPingTime ms> [default|jdk]};
 * {@code default} dials with the library's WebSocket connector as it comes, {@code jdk} with
 * {@link JdkWebSocketDialer} (the same connector over one JDK HTTP client with 4 worker threads).
 */
public final class IdleAgents {

    /** Agents dialed at once: under the hub's default cap of 32 pending sockets per address (all agents are 127.0.0.1). */
    private static final int BATCH = 25;
    private static final long BATCH_SECONDS = 60;

    private IdleAgents() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(HubLoadRun.LOG_LEVEL) == null) {
            System.setProperty(HubLoadRun.LOG_LEVEL, "error");
        }
        URI hub = URI.create(args[0]);
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        long maxSeconds = Long.parseLong(args[3]);
        Duration maxPingTime = Duration.ofMillis(Long.parseLong(args[4]));
        JdkWebSocketDialer jdk = args.length > 5 && args[5].equals("jdk") ? new JdkWebSocketDialer(4) : null;
        CompletableFuture<Void> released = new CompletableFuture<>();
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; end of input means the parent is done
                }
            } catch (java.io.IOException e) {
                // the parent is gone: same as end of input
            }
            released.complete(null);
        }, "idle-agents-stdin");
        stdin.setDaemon(true);
        stdin.start();

        List<RemoteClient> agents = new ArrayList<>(count);
        try {
            for (int from = 0; from < count && !released.isDone(); from += BATCH) {
                List<CompletableFuture<Void>> started = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    SimulatedDevices local = SimulatedDevices.builder().presentAtStart(true).add("lovense").build();
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
                CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0])).get(BATCH_SECONDS, TimeUnit.SECONDS);
                System.out.println("linked " + agents.size());
                System.out.flush();
            }
            released.get(maxSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            System.out.println("gave up: an agent was refused: " + e.getCause() + "; " + agents.size() + " agents started");
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("gave up: a batch was not welcomed within " + BATCH_SECONDS + " s, or "
                    + maxSeconds + " s passed; " + agents.size() + " agents started");
        } finally {
            long linked = agents.stream().filter(RemoteClient::isLinked).count();
            System.out.println("still linked " + linked);
            System.out.flush();
            Runtime.getRuntime().halt(0); // 2,000 orderly closes would take long; the hub sees the sockets drop
        }
    }
}
