package io.github.buttplugjava.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link NodeMain} in a JVM of its own, started and stopped (or killed -9) by a test. The node's
 * output is copied to this JVM's, each line after {@code [name]}. A shutdown hook and the node's
 * own watch of its standard input stop it if the test JVM ends without closing it.
 */
final class NodeProcess implements AutoCloseable {

    private static final long READY_TIMEOUT_S = 60;
    private static final long EXIT_TIMEOUT_S = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Thread stopAtExit;
    private final int port;
    final String name;

    private NodeProcess(String name, Process process, Thread stopAtExit, int port) {
        this.name = name;
        this.process = process;
        this.stopAtExit = stopAtExit;
        this.port = port;
    }

    /** A node with the default hub settings; with {@code room} ({@code name share control}) it creates that room. */
    static NodeProcess start(String nats, String name, String... room) throws Exception {
        return start(nats, name, false, room);
    }

    /**
     * A node; {@code crowd} gives it {@link NodeMain}'s settings for hundreds of agents.
     *
     * @throws java.util.concurrent.TimeoutException when it does not print {@code READY} within 60 s (it is killed)
     */
    static NodeProcess start(String nats, String name, boolean crowd, String... room) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                crowd ? "-Xmx256m" : "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + (crowd ? "warn" : "info"),
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-cp", cp, NodeMain.class.getName(), nats, name));
        if (crowd) {
            cmd.add("--crowd");
        }
        cmd.addAll(List.of(room));
        // stdin stays a pipe held by this JVM: the node exits when it ends
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread stopAtExit = new Thread(p::destroyForcibly, "stop-node-" + name);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        ready.complete(Integer.parseInt(line.substring(6).trim()));
                    }
                    System.out.println("[" + name + "] " + line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("node " + name + " ended before it was ready"));
        }, "node-output-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            return new NodeProcess(name, p, stopAtExit, ready.get(READY_TIMEOUT_S, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly().waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
            throw e;
        }
    }

    URI shareUri() {
        return URI.create("ws://127.0.0.1:" + port + "/share");
    }

    URI controlUri(String token) {
        return URI.create("ws://127.0.0.1:" + port + "/control/" + token);
    }

    /**
     * One gauge of the node's {@code /metrics}, e.g. {@code buttplug_cluster_rooms_owned}.
     *
     * @throws IOException when the node does not answer within 5 s or has no such gauge
     */
    long gauge(String metric) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith(metric + " ")) {
                return (long) Double.parseDouble(line.substring(metric.length() + 1).trim());
            }
        }
        throw new IOException("node " + name + " has no gauge " + metric + " (HTTP " + r.statusCode() + ")");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9, and wait for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Kills the node if it still runs and waits (at most 10 s) for it to be gone. Idempotent. */
    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
