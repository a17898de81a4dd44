package io.github.buttplugjava.btle.lovenseconnect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.btle.BleException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The Lovense app's LAN API on one host: {@code GET /GetToys} lists the toys, {@code POST /command}
 * with {@code {"command":"Function","action":"Vibrate1:10","timeSec":0,"toy":"<id>","apiVer":1}}
 * runs an action on a toy. Every request has a timeout; an answer larger than {@link #MAX_ANSWER}
 * bytes fails.
 */
public final class ConnectHttpClient {

    /** The largest answer read from the app. */
    public static final int MAX_ANSWER = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final Executor executor;

    /**
     * A client of the app at {@code base}.
     *
     * @param base e.g. {@code http://127.0.0.1:20010}
     * @param timeout the longest a request (connect and answer) may take
     * @param executor runs the HTTP client's work and reads the answers
     */
    public ConnectHttpClient(URI base, Duration timeout, Executor executor) {
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Asks the app for its toys.
     *
     * @return the toys; fails with a {@link BleException} when the app does not answer in time,
     *         refuses the connection or answers with anything but a toy list
     */
    public CompletableFuture<List<ConnectToy>> toys() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/GetToys")).timeout(timeout).GET().build();
        return send(request).thenApply(body -> {
            try {
                return ToyListParser.parse(body);
            } catch (IllegalArgumentException e) {
                throw new BleException("Lovense Connect at " + base + ": " + e.getMessage());
            }
        });
    }

    /**
     * Runs one action on one toy.
     *
     * @param toyId the toy's id
     * @param action e.g. {@code Vibrate1:10}
     * @return completes when the app accepted it; fails with a {@link BleException} when the app
     *         does not answer in time, refuses the connection or answers with an error
     */
    public CompletableFuture<Void> command(String toyId, String action) {
        ObjectNode body = JSON.createObjectNode();
        body.put("command", "Function");
        body.put("action", action);
        body.put("timeSec", 0);
        body.put("toy", toyId);
        body.put("apiVer", 1);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/command")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return send(request).thenAccept(answer -> {
            JsonNode code;
            try {
                code = JSON.readTree(answer).get("code");
            } catch (IOException | RuntimeException e) {
                throw new BleException("Lovense Connect at " + base + " answered a command with no JSON");
            }
            if (code != null && code.asInt() != 200) {
                throw new BleException("Lovense Connect at " + base + " refused " + action + " (code " + code.asInt() + ")");
            }
        });
    }

    private CompletableFuture<String> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .handleAsync((response, error) -> {
                    if (error != null) {
                        throw new BleException("Lovense Connect at " + base + " is unreachable: " + rootMessage(error));
                    }
                    try (InputStream in = response.body()) {
                        byte[] bytes = in.readNBytes(MAX_ANSWER + 1);
                        if (bytes.length > MAX_ANSWER) {
                            throw new BleException("Lovense Connect at " + base + " answered more than " + MAX_ANSWER + " bytes");
                        }
                        if (response.statusCode() != 200) {
                            throw new BleException("Lovense Connect at " + base + " answered HTTP " + response.statusCode());
                        }
                        return new String(bytes, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, executor)
                .exceptionallyCompose(e -> {
                    Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (c instanceof BleException) {
                        return CompletableFuture.failedFuture(c);
                    }
                    return CompletableFuture.failedFuture(new BleException("Lovense Connect at " + base
                            + " is unreachable: " + rootMessage(c)));
                });
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    @Override
    public String toString() {
        return "ConnectHttpClient[" + base + "]";
    }
}
