package io.github.buttplugjava.transport.ws.internal;

import io.github.buttplugjava.core.internal.SharedExecutors;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

/**
 * The JDK HTTP clients connectors dial with. Each JDK client owns a selector thread, so every
 * connector with the default TLS settings shares one (created on first use); its callbacks run on
 * core's shared worker pool.
 */
public final class SharedHttpClient {

    private SharedHttpClient() {
    }

    private static final class Holder {
        static final HttpClient CLIENT = newClient(null);
    }

    /**
     * The shared client with the JVM's default TLS settings.
     *
     * @return the client
     */
    public static HttpClient get() {
        return Holder.CLIENT;
    }

    /**
     * A new client; its callbacks run on core's shared worker pool.
     *
     * @param sslContext TLS settings, or null for the JVM's default
     * @return the client
     */
    public static HttpClient newClient(SSLContext sslContext) {
        HttpClient.Builder builder = HttpClient.newBuilder().executor(SharedExecutors.workers());
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }
}
