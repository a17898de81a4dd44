package io.github.buttplugjava.cluster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy on 127.0.0.1 for one client at a time, whose client-to-server direction can be
 * stalled (the proxy stops reading the client) while the server-to-client direction flows: the
 * client's writes back up into its own outgoing queue while it still reads. Closed with its sockets.
 */
final class StallingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final List<Socket> sockets = new ArrayList<>();
    private boolean stalled;

    StallingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "stalling-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    synchronized void stall() {
        stalled = true;
    }

    synchronized void resume() {
        stalled = false;
        notifyAll();
    }

    private synchronized void awaitFlowing() throws InterruptedException {
        while (stalled) {
            wait();
        }
    }

    private void accept() {
        try {
            while (!listener.isClosed()) {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client.getInputStream(), server.getOutputStream(), true);
                pump(server.getInputStream(), client.getOutputStream(), false);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(InputStream in, OutputStream out, boolean upstream) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try {
                while (true) {
                    if (upstream) {
                        awaitFlowing();
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        return;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        }, upstream ? "stalling-proxy-up" : "stalling-proxy-down");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        resume();
        listener.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
