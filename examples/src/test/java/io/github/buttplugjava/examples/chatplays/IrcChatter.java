package io.github.buttplugjava.examples.chatplays;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A scripted chatter: a plain socket speaking IRC (PASS, NICK, USER, JOIN, PRIVMSG), answering PINGs. */
public final class IrcChatter implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final String channel;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
    private final Thread reader;

    private IrcChatter(Socket socket, String channel) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.channel = channel;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.reader = new Thread(() -> read(in), "irc-chatter");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects as {@code nick} and returns once it is in {@code channel}. */
    public static IrcChatter join(int port, String nick, String channel) throws IOException, InterruptedException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        IrcChatter chatter = new IrcChatter(socket, channel);
        chatter.send("PASS " + Ngircd.PASSWORD);
        chatter.send("NICK " + nick);
        chatter.send("USER " + nick + " 0 * :" + nick);
        chatter.send("JOIN " + channel);
        chatter.await(" 366 ");
        return chatter;
    }

    /** Says {@code text} in the channel. */
    public void say(String text) throws IOException {
        send("PRIVMSG " + channel + " :" + text);
    }

    /** Waits (bounded) for a line from the server containing {@code part}, and returns it. */
    public String await(String part) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("no line with '" + part + "' within 10 s");
            }
            if (line.contains(part)) {
                return line;
            }
        }
    }

    private synchronized void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void read(BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("PING")) {
                    send("PONG" + line.substring(4));
                } else {
                    lines.offer(line);
                }
            }
        } catch (IOException ended) {
            // the socket closed: the chatter is gone
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            send("QUIT :bye");
        } catch (IOException gone) {
            // the server is gone already
        }
        socket.close();
        reader.join(5000);
    }
}
