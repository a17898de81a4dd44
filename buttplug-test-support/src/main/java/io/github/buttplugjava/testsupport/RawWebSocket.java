package io.github.buttplugjava.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A hand-rolled WebSocket client over a plain socket, so tests can send what a well-behaved
 * library never would: binary frames, oversize frames, garbage, or vanish without a close frame.
 * Public (in buttplug-test-support) so any module's tests can play a frozen peer that never answers pings.
 */
public final class RawWebSocket implements AutoCloseable {

    /** Opcode of a text frame. */
    public static final int TEXT = 0x1;
    /** Opcode of a continuation frame: the next fragment of a message. */
    public static final int CONTINUATION = 0x0;
    /** Opcode of a binary frame. */
    public static final int BINARY = 0x2;
    /** Opcode of a close frame. */
    public static final int CLOSE = 0x8;
    /** Opcode of a ping frame. */
    public static final int PING = 0x9;
    /** Opcode of a pong frame. */
    public static final int PONG = 0xA;

    /**
     * One received frame.
     *
     * @param opcode  the frame's opcode ({@link #TEXT}, {@link #CLOSE}...)
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
         * The close code of a close frame, or -1.
         *
         * @return the code, or -1 for another frame or a close frame without a code
         */
        public int closeCode() {
            return opcode == CLOSE && payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        /**
         * The reason of a close frame.
         *
         * @return the reason, or empty
         */
        public String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects and performs the upgrade; fails unless the server answers 101.
     *
     * @param port the server's port on 127.0.0.1
     * @param path the request path, e.g. {@code "/"}
     * @return the connected WebSocket (10 s read timeout)
     * @throws IOException when the connection or the upgrade fails
     */
    public static RawWebSocket open(int port, String path) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            upgrade(s, port, path);
            return new RawWebSocket(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Performs the client's side of the upgrade on a connected socket: writes the request, reads
     * the answer's head, and fails unless it is a 101 with the right Sec-WebSocket-Accept. The one
     * handshake of the hand-rolled clients ({@link WsPeer} too).
     *
     * @param s a socket connected to the server
     * @param port the server's port, for the Host header
     * @param path the request path
     * @throws IOException when the upgrade is refused, the accept value is wrong or the socket
     *         fails
     */
    public static void upgrade(Socket s, int port, String path) throws IOException {
        String key = newKey();
        s.getOutputStream().write(upgradeRequest(port, path, key).getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        String head = readHead(s.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        if (!head.toLowerCase().contains(acceptOf(key).toLowerCase())) {
            throw new IOException("bad Sec-WebSocket-Accept in " + head);
        }
    }

    /**
     * A fresh random Sec-WebSocket-Key.
     *
     * @return 16 random bytes, Base64-encoded
     */
    public static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /**
     * The HTTP upgrade request for {@code path} (written whole, or byte by byte by the slow peers).
     *
     * @param port the server's port, for the Host header
     * @param path the request path
     * @param key the Sec-WebSocket-Key
     * @return the request head, ending with its blank line
     */
    public static String upgradeRequest(int port, String path, String key) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    /**
     * The Sec-WebSocket-Accept value for a Sec-WebSocket-Key (RFC 6455, section 4.2.2), for tests
     * that play a server by hand.
     *
     * @param key the client's Sec-WebSocket-Key
     * @return the value the server must answer with
     */
    public static String acceptOf(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads an HTTP head up to and including its blank line, as text.
     *
     * @param in the connection's input, positioned at the head
     * @return the head, including the final CRLF CRLF
     * @throws IOException when the stream ends first or the head passes 16 KiB
     */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the upgrade");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 16_384) {
                throw new IOException("upgrade head too long");
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Sends one masked, final text frame.
     *
     * @param text the payload, sent as UTF-8
     * @throws IOException when the socket fails
     */
    public void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one masked, final frame.
     *
     * @param opcode the frame's opcode, e.g. {@link #TEXT} or {@link #BINARY}
     * @param payload the unmasked payload
     * @throws IOException when the socket fails
     */
    public void send(int opcode, byte[] payload) throws IOException {
        send(opcode, payload, true);
    }

    /**
     * Sends one masked frame, final or not: a message in fragments is a text (or binary) frame that
     * is not final, then {@link #CONTINUATION} frames, the last of them final.
     *
     * @param opcode the frame's opcode
     * @param payload the unmasked payload
     * @param fin whether this frame ends its message
     * @throws IOException when the socket fails
     */
    public void send(int opcode, byte[] payload, boolean fin) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | opcode);
        int len = payload.length;
        if (len < 126) {
            f.write(0x80 | len);
        } else if (len < 65536) {
            f.write(0x80 | 126);
            f.write(len >>> 8);
            f.write(len);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) len >>> (8 * i)));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        f.write(mask);
        for (int i = 0; i < len; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /** Writes raw bytes (not a frame). */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads one frame sent by the server (unmasked).
     *
     * @return the frame
     * @throws IOException when the socket fails, times out or the frame passes 64 MiB
     */
    public Frame read() throws IOException {
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
        return new Frame(b0 & 0x0f, payload);
    }

    /**
     * Reads frames until a close frame arrives; returns it.
     *
     * @return the close frame
     * @throws IOException when the socket fails or no close frame comes in 100,000 frames
     */
    public Frame readUntilClose() throws IOException {
        for (int i = 0; i < 100_000; i++) {
            Frame f = read();
            if (f.opcode() == CLOSE) {
                return f;
            }
        }
        throw new IOException("no close frame");
    }

    /** Whether the server has closed the TCP connection (reads EOF within the socket timeout). */
    boolean serverClosedTcp() {
        try {
            for (int i = 0; i < 1_000_000; i++) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Whether the server ends the TCP connection (EOF or reset) within {@code millis}; false when
     * it stays open.
     *
     * @param millis how long to wait, in ms
     * @return true when the server ended TCP in time
     * @throws IOException when the read timeout cannot be set
     */
    public boolean tcpEndsWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Drops the TCP connection without a close frame (RST).
     *
     * @throws IOException when the socket cannot be closed
     */
    public void kill() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
