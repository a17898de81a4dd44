package io.github.buttplugjava.examples.console;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Candidate;
import org.jline.reader.Reference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where a console's lines come from and its output goes.
 *
 * <p>On a terminal ({@link #terminal}) it is JLine: a prompt, line editing, history (Up/Down, Ctrl-R),
 * Tab completion from a {@link CommandTable}, and every line printed while the person types (device
 * events, log lines on stderr) goes above the prompt, so the typed line is never broken. Otherwise
 * lines come from stdin ({@link #lines}) or a fixed script ({@link #script}, for {@code --exec}),
 * with no prompt. Lines are split into words the same way in every mode (double quotes group words,
 * e.g. {@code vibrate "Lovense Hush" 0.5}).
 */
public final class Console implements AutoCloseable {

    /** Longest line kept from stdin; longer ones are cut (the rest is dropped). */
    static final int MAX_LINE_CHARS = 4096;

    private static final String END = new String("end of input");

    private static final String PROBE_TIMEOUT = "org.jline.terminal.probe.timeout";

    private final Terminal terminal;
    private final LineReader reader;
    private final BlockingQueue<String> plain;
    private final PrintStream out;
    private final PrintStream originalErr;
    private final Parser parser = new DefaultParser();
    private volatile boolean interrupted;

    private Console(Terminal terminal, LineReader reader, BlockingQueue<String> plain, PrintStream out) {
        this.terminal = terminal;
        this.reader = reader;
        this.plain = plain;
        this.out = out;
        this.originalErr = System.err;
    }

    /**
     * Whether stdin and stdout are a terminal (then {@link #terminal} gives line editing).
     *
     * @return whether this JVM runs on a terminal
     */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    /**
     * A JLine console on this process's terminal; stderr goes above the prompt until {@link #close()}.
     *
     * @param appName the program's name (JLine's application name)
     * @param prompt  the prompt, e.g. {@code "> "}
     * @param table   the commands, for Tab completion
     * @return the console
     * @throws IOException when the terminal cannot be opened
     */
    public static Console terminal(String appName, String prompt, CommandTable table) throws IOException {
        if (System.getProperty(PROBE_TIMEOUT) == null) {
            // JLine asks the terminal what it supports; a terminal that never answers must not delay the prompt
            System.setProperty(PROBE_TIMEOUT, "300");
        }
        Terminal terminal = TerminalBuilder.builder().system(true).name(appName).build();
        if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
            // a pseudo-terminal nobody sized (script(1) without a terminal of its own): assume the classic size
            terminal.setSize(new Size(80, 24));
        }
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName(appName)
                .completer((r, line, candidates) -> complete(table, line, candidates))
                .variable(LineReader.HISTORY_SIZE, 500)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        bindArrowKeys(reader);
        Console console = new Console(terminal, reader, null, null);
        console.prompt = prompt;
        System.setErr(new PrintStream(new LineSink(reader::printAbove), true, StandardCharsets.UTF_8));
        return console;
    }

    /**
     * Lines from {@code in} (stdin when not a terminal), read on a daemon thread, at most
     * {@value #MAX_LINE_CHARS} characters each; output to stdout.
     *
     * @param in where the lines come from
     * @return the console
     */
    public static Console lines(InputStream in) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(64);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    queue.put(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line);
                }
            } catch (IOException e) {
                // the end of input, as far as the console is concerned
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "console-input");
        t.setDaemon(true);
        t.start();
        return new Console(null, null, queue, System.out);
    }

    /**
     * A fixed list of lines, e.g. from {@code --exec "vibrate 0 0.5; sleep 2; stopall"}; output to stdout.
     *
     * @param lines the lines, in order
     * @return the console
     */
    public static Console script(List<String> lines) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        queue.addAll(lines);
        queue.add(END);
        return new Console(null, null, queue, System.out);
    }

    /**
     * Splits an {@code --exec} text into lines at {@code ;} (outside double quotes).
     *
     * @param text the commands
     * @return one line per command, trimmed, blanks dropped
     */
    public static List<String> splitScript(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                lines.add(current.toString().strip());
                current.setLength(0);
            } else if (c == '\n' && !quoted) {
                lines.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        lines.add(current.toString().strip());
        lines.removeIf(String::isEmpty);
        return lines;
    }

    private String prompt = "";

    /**
     * Whether a person types here (a terminal with a prompt), as opposed to stdin or a script.
     *
     * @return whether this is a terminal console
     */
    public boolean interactive() {
        return reader != null;
    }

    /**
     * The next line; empty at the end of input (end of stdin or the script, Ctrl-D, Ctrl-C) and after
     * {@link #interrupt()}.
     *
     * @return the next line, or empty when there is none
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Optional<String> next() throws InterruptedException {
        if (interrupted) {
            return Optional.empty();
        }
        if (reader != null) {
            try {
                return Optional.of(reader.readLine(prompt));
            } catch (UserInterruptException | EndOfFileException e) {
                return Optional.empty();
            }
        }
        while (!interrupted) {
            String line = plain.poll(100, TimeUnit.MILLISECONDS);
            if (line == END) {
                plain.add(END);
                return Optional.empty();
            }
            if (line != null) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** Makes a waiting {@link #next()} return empty now, and every later one too (the link dropped). */
    public void interrupt() {
        interrupted = true;
        if (terminal != null) {
            terminal.raise(Terminal.Signal.INT);
        }
    }

    /**
     * The words of a line: split at spaces, double quotes group words.
     *
     * @param line the line
     * @return its words
     * @throws ConsoleInputError when a quote is not closed
     */
    public List<String> words(String line) throws ConsoleInputError {
        try {
            return List.copyOf(parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words()).stream()
                    .filter(w -> !w.isEmpty()).toList();
        } catch (RuntimeException e) {
            throw new ConsoleInputError("cannot read that line: " + Failures.oneLine(e));
        }
    }

    /**
     * Prints one line; from any thread. On a terminal it goes above the prompt and the typed line is
     * drawn again below it.
     *
     * @param line the line
     */
    public void print(String line) {
        if (reader != null) {
            reader.printAbove(line);
        } else {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    /** Gives stderr back and closes the terminal. */
    @Override
    public void close() {
        if (terminal != null) {
            System.setErr(originalErr);
            try {
                terminal.close();
            } catch (IOException e) {
                originalErr.println("console: closing the terminal: " + e.getMessage());
            }
        }
    }

    /**
     * Arrow keys in both of the forms terminals send (normal {@code ESC [ A} and application
     * {@code ESC O A}), whatever the terminal description says, so Up is history everywhere.
     */
    private static void bindArrowKeys(LineReader reader) {
        KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        String[][] keys = {{"A", LineReader.UP_LINE_OR_HISTORY}, {"B", LineReader.DOWN_LINE_OR_HISTORY},
                {"C", LineReader.FORWARD_CHAR}, {"D", LineReader.BACKWARD_CHAR}};
        for (String[] k : keys) {
            main.bind(new Reference(k[1]), "\033[" + k[0]);
            main.bind(new Reference(k[1]), "\033O" + k[0]);
        }
    }

    private static void complete(CommandTable table, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        for (String c : table.candidates(before)) {
            candidates.add(new Candidate(c, c, null, null, null, null, true));
        }
    }

    /** Collects bytes into lines and hands each finished line on (stderr above the prompt). */
    private static final class LineSink extends OutputStream {
        private final Consumer<String> target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineSink(Consumer<String> target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                target.accept(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else if (pending.size() < MAX_LINE_CHARS) {
                pending.write(b);
            }
        }
    }
}
