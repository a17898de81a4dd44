package io.github.buttplugjava.transport.ws;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A Tyrus engine on a Grizzly HTTP listener bound to a chosen address. Exists because Tyrus' own
 * Grizzly server container always binds 0.0.0.0 and has no TLS; this one binds the configured host
 * (loopback by default) and can run TLS.
 */
final class GrizzlyHost extends TyrusServerContainer {

    /** Deepest request path accepted by the upgrade ({@code /a/b/c/d}); deeper ones get HTTP 404. */
    static final int MAX_PATH_SEGMENTS = 4;

    private final TyrusWebSocketEngine engine;
    private final HttpServer http = new HttpServer();
    private final NetworkListener listener;

    GrizzlyHost(String host, int port, int maxFrameSize, SSLContext tls) {
        super((java.util.Set<Class<?>>) null);
        setDefaultMaxTextMessageBufferSize(maxFrameSize);
        setDefaultMaxBinaryMessageBufferSize(maxFrameSize);
        this.engine = TyrusWebSocketEngine.builder(this)
                .incomingBufferSize(WebSocketConnector.incomingBufferSize(maxFrameSize))
                .build();
        this.listener = new NetworkListener("buttplug-ws", host, port);
        if (tls != null) {
            listener.setSecure(true);
            listener.setSSLEngineConfig(new SSLEngineConfigurator(tls, false, false, false));
        }
        TCPNIOTransport transport = listener.getTransport();
        transport.setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(webSocketAddOn(this));
        http.addListener(listener);
    }

    /** Registers {@code endpoint} for every path of 0..{@link #MAX_PATH_SEGMENTS} segments. */
    void deploy(ServerEndpointConfig.Configurator configurator, Class<?> endpointClass) throws DeploymentException {
        for (String path : pathTemplates()) {
            engine.register(ServerEndpointConfig.Builder.create(endpointClass, path)
                    .configurator(configurator)
                    .build(), "");
        }
    }

    /** Binds and starts accepting; returns the bound port. */
    int bind() throws IOException {
        http.start();
        return listener.getPort();
    }

    /** Stops accepting and drops every connection at once. */
    void shutdownNow() {
        http.shutdownNow();
        stop();
    }

    static List<String> pathTemplates() {
        List<String> paths = new ArrayList<>();
        paths.add("/");
        StringBuilder p = new StringBuilder();
        for (int i = 1; i <= MAX_PATH_SEGMENTS; i++) {
            p.append("/{s").append(i).append('}');
            paths.add(p.toString());
        }
        return paths;
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, "");
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    /** Tyrus keeps the add-on's constructor package-private (TYRUS-317 asks for it to be usable). */
    private static AddOn webSocketAddOn(TyrusServerContainer container) {
        try {
            Constructor<WebSocketAddOn> c = WebSocketAddOn.class
                    .getDeclaredConstructor(org.glassfish.tyrus.spi.ServerContainer.class, String.class);
            c.setAccessible(true);
            return c.newInstance(container, "/");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Tyrus version cannot be embedded on a chosen address", e);
        }
    }
}
