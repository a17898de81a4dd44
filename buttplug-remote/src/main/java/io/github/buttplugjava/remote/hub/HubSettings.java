package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.transport.ws.KeepAlive;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of a running hub, taken from its {@link RemoteServerBuilder} when it is built:
 * changing the builder afterwards changes nothing here. Immutable (the keystore password is a
 * private copy, never handed out but to the transport).
 */
record HubSettings(String host, int port, SSLContext tls, Path keystore, char[] keystorePassword,
                   MessageLimits messageLimits, int maxFrameSize, int maxConnections, int ioThreads,
                   int maxPendingConnections, int maxPendingPerAddress,
                   Duration upgradeTimeout, Duration firstFrameTimeout, long maxUnsentBytes,
                   AgentCaps agentCaps, Duration helloTimeout, Duration controllerMaxPingTime,
                   KeepAlive keepAlive, LegacySettings legacy, Scheduling scheduling, boolean metrics) {

    HubSettings {
        keystorePassword = keystorePassword == null ? null : keystorePassword.clone();
    }

    /** Whether the hub serves {@code wss://}. */
    boolean secure() {
        return tls != null || keystore != null;
    }

    /** A copy of the keystore password, for the transport. */
    char[] keystorePasswordCopy() {
        return keystorePassword == null ? null : keystorePassword.clone();
    }

    @Override
    public char[] keystorePassword() {
        return keystorePasswordCopy();
    }

    @Override
    public String toString() {
        return "HubSettings[host=" + host + ", port=" + port + ", secure=" + secure() + ", " + messageLimits
                + ", maxFrameSize=" + maxFrameSize + ", maxConnections=" + maxConnections + ", ioThreads=" + ioThreads
                + ", pending="
                + maxPendingConnections + "/" + maxPendingPerAddress + ", " + agentCaps + "]";
    }
}
