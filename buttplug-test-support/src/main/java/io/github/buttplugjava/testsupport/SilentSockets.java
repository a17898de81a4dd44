package io.github.buttplugjava.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many sockets that hold a server's resources and do nothing useful: TCP only (never upgrade),
 * upgrades dribbled one byte at a time, or upgraded WebSockets that never send a frame (or send
 * one and then fall silent, never answering a ping). Everything is non-blocking on one selector,
 * so thousands cost the test a few threads' worth of nothing. Whatever the server sends is read
 * and dropped; a socket counts as closed once the server ends TCP.
 */
public final class SilentSockets implements AutoCloseable {

    private final int port;
    private final Selector selector;
    private final List<SocketChannel> channels = new ArrayList<>();
    private final List<Dribble> dribbling = new ArrayList<>();
    private final ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
    private int closedByServer;

    private record Dribble(SocketChannel channel, byte[] bytes, int[] next) {
    }

    /**
     * Sockets to the server at 127.0.0.1:{@code port}; none is opened yet.
     *
     * @param port the server's port
     * @throws IOException when no selector can be opened
     */
    public SilentSockets(int port) throws IOException {
        this.port = port;
        this.selector = Selector.open();
    }

    /**
     * How many sockets were opened.
     *
     * @return the number of sockets opened so far, whether or not the server closed them
     */
    public int size() {
        return channels.size();
    }

    /**
     * {@code count} TCP connections that never send a byte.
     *
     * @param count how many connections to open
     * @throws IOException when a connection fails
     */
    public void openIdle(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            register(open(), null);
        }
    }

    /**
     * {@code count} connections that will send an upgrade request one byte per {@link #dribble()}.
     *
     * @param count how many connections to open
     * @param path the request path of their upgrade requests
     * @throws IOException when a connection fails
     */
    public void openDribbling(int count, String path) throws IOException {
        for (int i = 0; i < count; i++) {
            SocketChannel c = open();
            String key = Base64.getEncoder().encodeToString(new byte[16]);
            byte[] bytes = RawWebSocket.upgradeRequest(port, path, key).getBytes(StandardCharsets.US_ASCII);
            Dribble d = new Dribble(c, bytes, new int[1]);
            dribbling.add(d);
            register(c, null);
        }
    }

    /**
     * {@code count} WebSockets, upgraded (blocking, one after the other); each then sends
     * {@code firstFrame} (or nothing when null) and never another byte, nor a pong.
     *
     * @param count how many connections to open
     * @param path the request path of their upgrade requests
     * @param firstFrame a text frame each sends once upgraded, or null for none
     * @return how many were upgraded (the server may refuse some)
     * @throws IOException when a connection fails
     */
    public int openUpgraded(int count, String path, String firstFrame) throws IOException {
        int upgraded = 0;
        for (int i = 0; i < count; i++) {
            SocketChannel c = open();
            c.configureBlocking(true);
            c.socket().setSoTimeout(5000);
            String key = RawWebSocket.newKey();
            c.socket().getOutputStream().write(RawWebSocket.upgradeRequest(port, path, key).getBytes(StandardCharsets.US_ASCII));
            String head;
            try {
                head = RawWebSocket.readHead(c.socket().getInputStream());
            } catch (IOException e) {
                head = "";
            }
            if (head.startsWith("HTTP/1.1 101")) {
                upgraded++;
                if (firstFrame != null) {
                    byte[] payload = firstFrame.getBytes(StandardCharsets.UTF_8);
                    java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
                    f.write(0x81);
                    if (payload.length < 126) {
                        f.write(0x80 | payload.length);
                    } else {
                        f.write(0x80 | 126);
                        f.write(payload.length >>> 8);
                        f.write(payload.length & 0xff);
                    }
                    f.write(new byte[4]); // a mask of zeros: the payload goes as is
                    f.write(payload);
                    c.socket().getOutputStream().write(f.toByteArray());
                }
            }
            c.configureBlocking(false);
            register(c, null);
        }
        return upgraded;
    }

    private SocketChannel open() throws IOException {
        SocketChannel c = SocketChannel.open();
        c.setOption(StandardSocketOptions.SO_LINGER, 0);
        c.connect(new InetSocketAddress("127.0.0.1", port));
        channels.add(c);
        return c;
    }

    private void register(SocketChannel c, Object attachment) throws IOException {
        c.configureBlocking(false);
        c.register(selector, SelectionKey.OP_READ, attachment);
    }

    /** Sends the next byte of every dribbling upgrade. */
    public void dribble() {
        for (Dribble d : dribbling) {
            if (d.next()[0] < d.bytes().length && d.channel().isOpen()) {
                try {
                    if (d.channel().write(ByteBuffer.wrap(d.bytes(), d.next()[0], 1)) == 1) {
                        d.next()[0]++;
                    }
                } catch (IOException closed) {
                    d.next()[0] = d.bytes().length;
                }
            }
        }
    }

    /**
     * Reads what arrived (dropping it); returns how many sockets the server has closed so far.
     *
     * @param wait how long to wait for something to read, at least 1 ms
     * @return the number of sockets the server has closed so far
     * @throws IOException when the selector fails
     */
    public int poll(Duration wait) throws IOException {
        selector.select(Math.max(1, wait.toMillis()));
        for (SelectionKey k : selector.selectedKeys()) {
            SocketChannel c = (SocketChannel) k.channel();
            int n;
            try {
                do {
                    sink.clear();
                    n = c.read(sink);
                } while (n > 0);
            } catch (IOException reset) {
                n = -1;
            }
            if (n < 0) {
                k.cancel();
                closedByServer++;
                c.close();
            }
        }
        selector.selectedKeys().clear();
        return closedByServer;
    }

    /**
     * Polls (and dribbles every {@code dribbleEvery}) until all are closed or the deadline.
     *
     * @param within how long to wait at most
     * @param dribbleEvery how often to dribble the upgrades, or null not to
     * @return the number of sockets the server has closed
     * @throws IOException when the selector fails
     */
    public int awaitClosed(Duration within, Duration dribbleEvery) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        long nextDribble = System.nanoTime();
        for (int i = 0; i < 1_000_000 && closedByServer < channels.size() && System.nanoTime() < deadline; i++) {
            if (dribbleEvery != null && System.nanoTime() >= nextDribble) {
                dribble();
                nextDribble = System.nanoTime() + dribbleEvery.toNanos();
            }
            poll(Duration.ofMillis(20));
        }
        return closedByServer;
    }

    /**
     * How many sockets the server has closed.
     *
     * @return the number of sockets the server has closed so far (as of the last poll)
     */
    public int closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() {
        for (SocketChannel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
