package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Benchmark dialer for {@link IdleAgents}: the library's {@link WebSocketConnector}, all sharing one
 * JDK {@link HttpClient} with a small fixed worker pool (one selector thread), instead of the
 * default shared client on buttplug-core's cached worker pool.
 */
final class JdkWebSocketDialer {

    private final HttpClient http;

    JdkWebSocketDialer(int workers) {
        Executor pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "jdk-ws-worker");
            t.setDaemon(true);
            return t;
        });
        http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(30)).build();
    }

    ButtplugConnector dial(URI uri) {
        return WebSocketConnector.builder(uri).httpClient(http).connectTimeout(Duration.ofSeconds(30)).build();
    }
}
