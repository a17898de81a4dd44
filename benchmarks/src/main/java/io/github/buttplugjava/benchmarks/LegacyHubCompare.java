package io.github.buttplugjava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives several hubs with the same spec-v1 controller script, interleaved, and prints their ratios
 * to the first: the buttplug-js 0.13.2 hub with 0.13 forwarders, our hub with the same number of 0.13
 * forwarders (its legacy path), and optionally a second hub of ours with as many of our own share
 * agents (what a deployment of ours runs); every sharer shares one vibrator. Started by
 * {@code benchmarks/compare-013.sh}, which starts the hubs and the sharers and passes their control
 * URLs and process ids.
 *
 * <p>The script, per hub: {@code RequestServerInfo} (MessageVersion 1), {@code StartScanning}, then
 * {@code RequestDeviceList} until every sharer's vibrator is listed; then {@code VibrateCmd}s
 * round-robin over the devices, alternating 0.25 and 0.5 so no command repeats the last value.
 * Phases (each run on one hub, then the other, so both see the same machine): warm-up commands,
 * then round trips one at a time in alternating blocks, then commands/s with several in flight.
 * Hub CPU per command comes from {@code /proc/<pid>/stat} (user + system) over the throughput phase.
 *
 * <p>Arguments: {@code --theirs URL,PID --ours URL,PID [--devices N] [--warmup N] [--samples N]
 * [--block N] [--in-flight N] [--seconds S] [--rounds N] [--ours-agents URL,PID] [--floor URL,PID] [--forwarder-floor URL,PID]
 * [--base URL,PID] [--base-agents URL,PID]}; either of {@code --ours} and {@code --ours-agents} may be
 * left out. {@code --floor} is a {@link FloorRelay}: two bare WebSocket hops through a relay process
 * that parses nothing, the floor for our hubs' latency and CPU per command (each of ours is then also
 * printed against it). {@code --forwarder-floor} is a {@link ForwarderFloor} with as many 0.13
 * forwarders: the least a hub on the forwarder path can do; the 0.13.2 hub and our forwarder hubs
 * are then also printed against it. {@code --base} and {@code --base-agents} are the same hubs started from a
 * baseline jar, for an A/B of a change in the same run. With {@code --rounds N} the commands/s phase
 * runs N times, the hubs taking turns for {@code --seconds} each, and the totals are printed.
 */
public final class LegacyHubCompare {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLY_DEADLINE = Duration.ofSeconds(10);

    private LegacyHubCompare() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        int devices = Integer.parseInt(a.getOrDefault("--devices", "20"));
        int warmup = Integer.parseInt(a.getOrDefault("--warmup", "20000"));
        int samples = Integer.parseInt(a.getOrDefault("--samples", "2000"));
        int block = Integer.parseInt(a.getOrDefault("--block", "100"));
        int inFlight = Integer.parseInt(a.getOrDefault("--in-flight", "8"));
        int seconds = Integer.parseInt(a.getOrDefault("--seconds", "10"));
        HttpClient http = HttpClient.newHttpClient();
        Hub theirs = Hub.connect("buttplug-js 0.13.2 hub", a.get("--theirs"), devices, http);
        List<Hub> hubs = new ArrayList<>(List.of(theirs));
        if (a.containsKey("--ours")) {
            hubs.add(Hub.connect("ours, 0.13 forwarders", a.get("--ours"), devices, http));
        }
        if (a.containsKey("--ours-agents")) {
            hubs.add(Hub.connect("ours, our agents", a.get("--ours-agents"), devices, http));
        }
        // the same hubs from a baseline jar, for an A/B of a change within the same run
        if (a.containsKey("--base")) {
            hubs.add(Hub.connect("base, 0.13 forwarders", a.get("--base"), devices, http));
        }
        if (a.containsKey("--base-agents")) {
            hubs.add(Hub.connect("base, our agents", a.get("--base-agents"), devices, http));
        }
        int rounds = Integer.parseInt(a.getOrDefault("--rounds", "1"));
        Hub floor = a.containsKey("--floor") ? Hub.connect("floor: bare relay", a.get("--floor"), devices, http) : null;
        if (floor != null) {
            hubs.add(floor);
        }
        Hub forwarderFloor = a.containsKey("--forwarder-floor")
                ? Hub.connect("floor: forwarder relay", a.get("--forwarder-floor"), devices, http) : null;
        if (forwarderFloor != null) {
            hubs.add(forwarderFloor);
        }
        System.out.printf(Locale.ROOT, "warm-up: %d commands to each hub, %d in flight%n", warmup, inFlight);
        for (Hub hub : hubs) {
            hub.throughput(inFlight, warmup, Long.MAX_VALUE);
        }
        Map<Hub, long[]> nanos = new LinkedHashMap<>();
        hubs.forEach(h -> nanos.put(h, new long[samples]));
        for (int done = 0; done < samples; done += block) {
            for (Hub hub : hubs) {
                for (int i = done; i < Math.min(done + block, samples); i++) {
                    long start = System.nanoTime();
                    hub.command().get(REPLY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                    nanos.get(hub)[i] = System.nanoTime() - start;
                }
            }
        }
        Map<Hub, LatencySamples> latency = new LinkedHashMap<>();
        hubs.forEach(h -> latency.put(h, LatencySamples.of(h.name, nanos.get(h), samples)));
        // rounds > 1: the hubs take turns, `seconds` each per round, so a change of load hits them alike
        Map<Hub, long[]> totals = new LinkedHashMap<>(); // commands, wall ns, cpu ns, system cpu ns
        hubs.forEach(h -> totals.put(h, new long[4]));
        for (int round = 0; round < rounds; round++) {
            for (Hub hub : hubs) {
                long cpu0 = hub.cpuNanos();
                long sys0 = hub.cpuNanos(true);
                long t0 = System.nanoTime();
                long n = hub.throughput(inFlight, Long.MAX_VALUE, TimeUnit.SECONDS.toNanos(seconds));
                long[] t = totals.get(hub);
                t[0] += n;
                t[1] += System.nanoTime() - t0;
                t[2] += hub.cpuNanos() - cpu0;
                t[3] += hub.cpuNanos(true) - sys0;
            }
        }
        Map<Hub, double[]> rates = new LinkedHashMap<>();
        totals.forEach((hub, t) -> rates.put(hub, new double[] {t[0] / (t[1] / 1e9), t[2] / 1e3 / t[0], t[3] / 1e3 / t[0]}));
        for (Hub hub : hubs) {
            LatencySamples l = latency.get(hub);
            double[] r = rates.get(hub);
            System.out.printf(Locale.ROOT, "%-24s round trip p50 %7.0f us  p99 %7.0f us | %6.0f commands/s (%d in flight)"
                            + " | hub CPU %5.0f us/command (kernel %3.0f) | failed %d%n", hub.name, l.percentileMicros(50),
                    l.percentileMicros(99), r[0], inFlight, r[1], r[2], hub.failed.get());
        }
        LatencySamples lt = latency.get(theirs);
        for (Hub ours : hubs.subList(1, hubs.size())) {
            if (ours == floor || ours == forwarderFloor) {
                continue;
            }
            LatencySamples lo = latency.get(ours);
            System.out.printf(Locale.ROOT, "%s / theirs: p50 %.2fx  p99 %.2fx  commands/s %.2fx  hub CPU per command %.2fx%n",
                    ours.name, lo.percentileMicros(50) / lt.percentileMicros(50),
                    lo.percentileMicros(99) / lt.percentileMicros(99),
                    rates.get(ours)[0] / rates.get(theirs)[0], rates.get(ours)[1] / rates.get(theirs)[1]);
            if (floor != null) {
                LatencySamples lf = latency.get(floor);
                System.out.printf(Locale.ROOT, "%s / floor: p50 %.2fx  p99 %.2fx (goal <= 1.5x)  hub CPU per command %.2fx"
                                + " (goal <= 2x)%n", ours.name, lo.percentileMicros(50) / lf.percentileMicros(50),
                        lo.percentileMicros(99) / lf.percentileMicros(99), rates.get(ours)[1] / rates.get(floor)[1]);
            }
        }
        if (forwarderFloor != null) {
            // what the forwarders and the sockets alone take: each forwarder-fed hub against it
            LatencySamples lf = latency.get(forwarderFloor);
            for (Hub hub : hubs) {
                if (hub == theirs || hub.name.contains("0.13 forwarders")) {
                    LatencySamples lh = latency.get(hub);
                    System.out.printf(Locale.ROOT, "%s / forwarder floor: p50 %.2fx  p99 %.2fx  commands/s %.2fx"
                                    + "  hub CPU per command %.2fx%n", hub.name,
                            lh.percentileMicros(50) / lf.percentileMicros(50), lh.percentileMicros(99) / lf.percentileMicros(99),
                            rates.get(hub)[0] / rates.get(forwarderFloor)[0], rates.get(hub)[1] / rates.get(forwarderFloor)[1]);
                }
            }
        }
        for (Hub hub : hubs) {
            hub.close();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i], args[i + 1]);
        }
        if (!out.containsKey("--theirs") || !(out.containsKey("--ours") || out.containsKey("--ours-agents"))) {
            throw new IllegalArgumentException("usage: --theirs URL,PID [--ours URL,PID] [--ours-agents URL,PID]"
                    + " [--floor URL,PID] [--forwarder-floor URL,PID] [--base URL,PID] [--base-agents URL,PID] [--devices N] [--warmup N]"
                    + " [--samples N] [--block N] [--in-flight N] [--seconds S] [--rounds N]");
        }
        return out;
    }

    /** One hub: a spec-v1 controller link, its device indices and the hub's process id. */
    private static final class Hub implements WebSocket.Listener {
        final String name;
        final AtomicLong failed = new AtomicLong();
        private final long pid;
        private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(1);
        private final StringBuilder partial = new StringBuilder();
        private final List<Integer> indices = new ArrayList<>();
        private WebSocket socket;
        private long turn;

        private Hub(String name, long pid) {
            this.name = name;
            this.pid = pid;
        }

        static Hub connect(String name, String urlAndPid, int devices, HttpClient http) throws Exception {
            String[] parts = urlAndPid.split(",");
            Hub hub = new Hub(name, Long.parseLong(parts[1]));
            hub.socket = http.newWebSocketBuilder().buildAsync(URI.create(parts[0]), hub)
                    .get(REPLY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            hub.request("RequestServerInfo", "\"ClientName\":\"LegacyHubCompare\",\"MessageVersion\":1");
            hub.request("StartScanning", null);
            // 0.13's hub gives each forwarder's devices indices of their own, so some collide and fewer
            // than the sharers' devices may ever be listed: after 20 s, drive what is listed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (hub.indices.size() < devices) {
                if (System.nanoTime() > deadline) {
                    if (hub.indices.isEmpty()) {
                        throw new IllegalStateException(name + " lists no device after 20 s");
                    }
                    break;
                }
                JsonNode list = hub.request("RequestDeviceList", null).path("DeviceList").path("Devices");
                hub.indices.clear();
                for (JsonNode d : list) {
                    if (d.path("DeviceMessages").has("VibrateCmd")) {
                        hub.indices.add(d.path("DeviceIndex").asInt());
                    }
                }
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "%s lists %d of the %d shared devices%n", name, hub.indices.size(), devices);
            return hub;
        }

        private JsonNode request(String message, String fields) throws Exception {
            long id = ids.getAndIncrement();
            CompletableFuture<JsonNode> reply = send(id, "{\"" + message + "\":{\"Id\":" + id
                    + (fields == null ? "" : "," + fields) + "}}");
            JsonNode answer = reply.get(REPLY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.has("Error")) {
                throw new IllegalStateException(name + " answered " + message + " with " + answer);
            }
            return answer;
        }

        /** One VibrateCmd to the next device in turn; completes with the reply. */
        synchronized CompletableFuture<JsonNode> command() {
            int device = indices.get((int) (turn % indices.size()));
            String speed = (turn / indices.size()) % 2 == 0 ? "0.25" : "0.5";
            turn++;
            long id = ids.getAndIncrement();
            return send(id, "{\"VibrateCmd\":{\"Id\":" + id + ",\"DeviceIndex\":" + device
                    + ",\"Speeds\":[{\"Index\":0,\"Speed\":" + speed + "}]}}");
        }

        private CompletableFuture<JsonNode> send(long id, String message) {
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            synchronized (this) {
                socket.sendText("[" + message + "]", true).join();
            }
            return reply;
        }

        /** Commands with {@code inFlight} outstanding until {@code count} are done or {@code nanos} pass. */
        long throughput(int inFlight, long count, long nanos) throws InterruptedException {
            Semaphore slots = new Semaphore(inFlight);
            long end = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
            long sent = 0;
            while (sent < count && System.nanoTime() < end) {
                if (!slots.tryAcquire(REPLY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(name + ": no reply within " + REPLY_DEADLINE);
                }
                command().whenComplete((reply, error) -> {
                    if (error != null || reply.has("Error")) {
                        failed.incrementAndGet();
                    }
                    slots.release();
                });
                sent++;
            }
            if (!slots.tryAcquire(inFlight, REPLY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + ": replies missing at the end of a phase");
            }
            return sent;
        }

        long cpuNanos() {
            return cpuNanos(false);
        }

        /** The hub's CPU time (user + system), or its system (kernel) time alone. */
        long cpuNanos(boolean systemOnly) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = (systemOnly ? 0 : Long.parseLong(f[11])) + Long.parseLong(f[12]); // utime, stime
                return ticks * 10_000_000L; // USER_HZ is 100 on Linux
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                try {
                    for (JsonNode message : JSON.readTree(frame)) {
                        JsonNode body = message.elements().next();
                        CompletableFuture<JsonNode> reply = pending.remove(body.path("Id").asLong());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            IllegalStateException closed = new IllegalStateException(name + " closed the link: " + statusCode
                    + " " + reason);
            pending.values().forEach(f -> f.completeExceptionally(closed));
            System.err.println(closed.getMessage());
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }
}
