package io.github.buttplugjava.transport.ws.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Which sockets a {@link WebSocketServer} uses: Linux's epoll through Netty's native library where
 * it loads, else the JDK's NIO. With epoll a connection holds no JDK socket channel, selection key,
 * socket adaptor or locks (about a tenth of an idle hub link's heap), and reads and writes go
 * straight to the file descriptor. {@code -Dio.netty.transport.noNative=true} (Netty's own switch)
 * forces NIO; the behaviour seen by peers is the same either way.
 */
enum SocketTransport {
    EPOLL, NIO;

    /** The transport of this process: epoll when its native library loaded, else NIO. */
    static SocketTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    IoHandlerFactory ioHandlers() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
