package io.github.buttplugjava.btle.lovenseconnect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lovense app's LAN API on 127.0.0.1: {@code GET /GetToys} answers the toy list the test set,
 * {@code POST /command} records the body and answers {@code {"code":200,"type":"OK"}}.
 */
public final class FakeLovenseApp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    private volatile String toys = "{\"type\":\"OK\",\"code\":200,\"data\":{}}";

    private FakeLovenseApp(HttpServer server) {
        this.server = server;
    }

    public static FakeLovenseApp start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeLovenseApp app = new FakeLovenseApp(server);
        server.createContext("/GetToys", app::getToys);
        server.createContext("/command", app::command);
        server.setExecutor(app.threads);
        server.start();
        return app;
    }

    public LovenseConnectHost host() {
        return new LovenseConnectHost("127.0.0.1", server.getAddress().getPort());
    }

    /** Sets the toy list's {@code data} object, e.g. {@code {"t1":{"id":"t1",...}}}. */
    public void toys(String data) {
        toys = "{\"type\":\"OK\",\"code\":200,\"data\":" + data + "}";
    }

    public static String toy(String id, String name, Object status, Object battery) {
        return "\"%s\":{\"id\":\"%s\",\"name\":\"%s\",\"nickName\":\"\",\"status\":%s,\"version\":\"3\",\"battery\":%s}"
                .formatted(id, id, name, status, battery);
    }

    /** The next command body the app received. */
    public String nextCommand(Duration deadline) throws InterruptedException {
        String c = commands.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("the app received no command within " + deadline);
        }
        return c;
    }

    /** The command bodies received and not yet taken. */
    public BlockingQueue<String> commands() {
        return commands;
    }

    private void getToys(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        answer(exchange, "GET".equals(exchange.getRequestMethod()) ? 200 : 405, toys);
    }

    private void command(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "");
            return;
        }
        commands.add(body);
        answer(exchange, 200, "{\"code\":200,\"type\":\"OK\"}");
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The app goes away: the port refuses connections from now on. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
