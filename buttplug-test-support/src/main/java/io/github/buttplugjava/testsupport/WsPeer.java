package io.github.buttplugjava.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A hand-rolled WebSocket client over a plain socket that can misbehave: never read, never answer
 * pings, vanish without a close frame (RST). It shares {@link RawWebSocket}'s handshake; unlike RawWebSocket it lets
 * the test choose the receive buffer and read timeout, and it reads on its own daemon thread
 * (answering pings unless told not to), collecting text frames and the server's close frame.
 */
public final class WsPeer implements AutoCloseable {

    /** Opcode of a continuation frame. */
    public static final int CONT = 0x0;
    /** Opcode of a text frame. */
    public static final int TEXT = 0x1;
    /** Opcode of a close frame. */
    public static final int CLOSE = 0x8;
    /** Opcode of a ping frame. */
    public static final int PING = 0x9;
    /** Opcode of a pong frame. */
    public static final int PONG = 0xA;

    /** Most text frames kept in {@link #texts}; older ones are dropped (a flood must not fill the test's heap). */
    private static final int MAX_KEPT = 20_000;

    /**
     * A received frame.
     *
     * @param opcode the frame's opcode ({@link #TEXT}, {@link #CLOSE}...)
     * @param payload the unmasked payload
     */
    public record Frame(int opcode, byte[] payload) {
        /**
         * The payload as UTF-8 text.
         *
         * @return the text
         */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /**
         * The close code of a close frame.
         *
         * @return the code, or -1 for another frame or a close frame without a code
         */
        public int closeCode() {
            return opcode == CLOSE && payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        /**
         * The reason of a close frame.
         *
         * @return the reason, or empty for another frame or a close frame without one
         */
        public String closeReason() {
            return opcode == CLOSE && payload.length > 2
                    ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    /** How the peer behaves. */
    public static final class Options {
        boolean read = true;
        boolean answerPings = true;
        int receiveBuffer;
        Consumer<String> onText;

        /**
         * A peer that reads, answers pings and queues text messages, with the system's receive
         * buffer.
         *
         * @return new options
         */
        public static Options polite() {
            return new Options();
        }

        /**
         * Never reads its socket after the upgrade (the server's writes pile up).
         *
         * @return these options
         */
        public Options neverRead() {
            read = false;
            return this;
        }

        /**
         * Reads, but answers no WebSocket ping.
         *
         * @return these options
         */
        public Options silentToPings() {
            answerPings = false;
            return this;
        }

        /**
         * SO_RCVBUF before connecting (small: the server's unsent bytes show sooner).
         *
         * @param bytes the receive buffer size, in bytes
         * @return these options
         */
        public Options receiveBuffer(int bytes) {
            receiveBuffer = bytes;
            return this;
        }

        /**
         * Called on the reader thread for each text message (instead of queueing it).
         *
         * @param handler receives each text message; must not block for long
         * @return these options
         */
        public Options onText(Consumer<String> handler) {
            onText = handler;
            return this;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Options options;
    /** Text messages received (unless {@link Options#onText} takes them), newest last. */
    public final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    /** WebSocket pings received. */
    public final AtomicInteger pings = new AtomicInteger();
    /** Bytes of text received. */
    public final AtomicLong textBytes = new AtomicLong();
    /** Completes with the server's close frame, or with null when TCP ended without one. */
    public final CompletableFuture<Frame> closed = new CompletableFuture<>();

    private WsPeer(Socket socket, Options options) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.options = options;
    }

    /**
     * Connects with {@link Options#polite()} options; see {@link #connect(int, String, Options)}.
     *
     * @param port the server's port on 127.0.0.1
     * @param path the request path, e.g. {@code "/"}
     * @return the connected peer, reading
     * @throws IOException when the connection or the upgrade fails
     */
    public static WsPeer connect(int port, String path) throws IOException {
        return connect(port, path, Options.polite());
    }

    /**
     * Connects, upgrades (fails unless 101) and, unless {@link Options#neverRead}, starts reading.
     *
     * @param port the server's port on 127.0.0.1
     * @param path the request path
     * @param options how the peer behaves
     * @return the connected peer
     * @throws IOException when the connection or the upgrade fails
     */
    public static WsPeer connect(int port, String path, Options options) throws IOException {
        Socket s = new Socket();
        try {
            if (options.receiveBuffer > 0) {
                s.setReceiveBufferSize(options.receiveBuffer);
            }
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            RawWebSocket.upgrade(s, port, path);
            s.setSoTimeout(0);
            WsPeer peer = new WsPeer(s, options);
            if (options.read) {
                Thread t = new Thread(peer::readLoop, "ws-peer-" + s.getLocalPort());
                t.setDaemon(true);
                t.start();
            }
            return peer;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void readLoop() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                if (len > 64 << 20) {
                    throw new IOException("frame too long: " + len);
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                int opcode = b0 & 0x0f;
                boolean fin = (b0 & 0x80) != 0;
                if (opcode == PING) {
                    pings.incrementAndGet();
                    if (options.answerPings) {
                        send(PONG, payload);
                    }
                } else if (opcode == CLOSE) {
                    Frame f = new Frame(opcode, payload);
                    try {
                        send(CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    } catch (IOException ignored) {
                        // the server may have dropped TCP already
                    }
                    closed.complete(f);
                    return;
                } else if (opcode == TEXT || opcode == CONT) {
                    message.write(payload);
                    if (fin) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        textBytes.addAndGet(text.length());
                        if (options.onText != null) {
                            options.onText.accept(text);
                        } else {
                            if (texts.size() >= MAX_KEPT) {
                                texts.poll();
                            }
                            texts.add(text);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            closed.complete(null);
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /**
     * Sends one masked, final text frame. Thread-safe.
     *
     * @param text the payload, sent as UTF-8
     * @throws IOException when the socket fails
     */
    public void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one masked, final frame. Thread-safe.
     *
     * @param opcode the frame's opcode, e.g. {@link #TEXT} or {@link #PING}
     * @param payload the unmasked payload
     * @throws IOException when the socket fails
     */
    public void send(int opcode, byte[] payload) throws IOException {
        int len = payload.length;
        byte[] frame = new byte[len + 14];
        int p = 0;
        frame[p++] = (byte) (0x80 | opcode);
        if (len < 126) {
            frame[p++] = (byte) (0x80 | len);
        } else if (len < 65536) {
            frame[p++] = (byte) (0x80 | 126);
            frame[p++] = (byte) (len >>> 8);
            frame[p++] = (byte) len;
        } else {
            frame[p++] = (byte) (0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                frame[p++] = (byte) ((long) len >>> (8 * i));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, p, 4);
        p += 4;
        for (int i = 0; i < len; i++) {
            frame[p + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        synchronized (out) {
            out.write(frame, 0, p + len);
            out.flush();
        }
    }

    /**
     * Waits for a text message (queued ones first) that matches; the ones before it are dropped.
     *
     * @param matches the test a message must pass
     * @param timeout how long to wait at most
     * @return the first matching message
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public String await(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching message within " + timeout.toMillis() + " ms"
                        + (closed.isDone() ? "; the link is closed: " + describeClose() : ""));
            }
            String t = texts.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            if (t != null && matches.test(t)) {
                return t;
            }
        }
    }

    /**
     * Waits for a text message that contains {@code contains}; see {@link #await(Predicate,
     * Duration)}.
     *
     * @param contains the text to look for
     * @param timeout how long to wait at most
     * @return the first matching message
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public String await(String contains, Duration timeout) throws InterruptedException {
        return await(t -> t.contains(contains), timeout);
    }

    /**
     * The server's close frame, as "code reason", or how TCP ended.
     *
     * @return e.g. {@code "1008 too many frames"}, {@code "open"} or {@code "TCP ended without a
     *         close frame"}
     */
    public String describeClose() {
        Frame f = closed.getNow(null);
        if (!closed.isDone()) {
            return "open";
        }
        return f == null ? "TCP ended without a close frame" : f.closeCode() + " " + f.closeReason();
    }

    /**
     * For a peer that never read: reads and drops whatever the server sent, until the server ends
     * TCP (true) or {@code within} passes with the link still open (false). At most {@code maxBytes}.
     *
     * @param within how long to wait at most
     * @param maxBytes the most bytes to read and drop
     * @return true when the server ended TCP, false when the time or the byte budget ran out first
     * @throws IOException when the read timeout cannot be set
     */
    public boolean drainUntilServerCloses(Duration within, long maxBytes) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        InputStream raw = socket.getInputStream();
        while (total < maxBytes) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(left, 1000)));
            try {
                int n = raw.read(buf);
                if (n < 0) {
                    return true;
                }
                total += n;
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting until the deadline
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    /** Drops TCP without a close frame (RST), as a crashed process would. */
    public void kill() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /**
     * Whether the link is still up.
     *
     * @return false once the socket is closed or the server's close frame (or TCP's end) arrived
     */
    public boolean isOpen() {
        return !socket.isClosed() && !closed.isDone();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
