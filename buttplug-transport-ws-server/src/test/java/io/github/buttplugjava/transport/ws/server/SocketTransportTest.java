package io.github.buttplugjava.transport.ws.server;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's sockets: epoll on Linux x86-64 (the native library ships with this module), NIO when
 * Netty is told not to load it. This module's tests run twice in the build, once each way
 * ({@code io.netty.transport.noNative}, see its pom), so both transports pass every test here.
 */
class SocketTransportTest {

    @Test
    void epollOnLinuxX8664UnlessNettyIsToldNotToLoadIt() {
        boolean noNative = Boolean.getBoolean("io.netty.transport.noNative");
        boolean linuxX8664 = System.getProperty("os.name", "").toLowerCase().contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64");
        SocketTransport transport = SocketTransport.best();
        if (noNative) {
            assertThat(transport).isEqualTo(SocketTransport.NIO);
        } else if (linuxX8664) {
            assertThat(transport).as("epoll: %s", Epoll.isAvailable() ? "available" : Epoll.unavailabilityCause())
                    .isEqualTo(SocketTransport.EPOLL);
        } else {
            assertThat(transport).isEqualTo(Epoll.isAvailable() ? SocketTransport.EPOLL : SocketTransport.NIO);
        }
    }
}
