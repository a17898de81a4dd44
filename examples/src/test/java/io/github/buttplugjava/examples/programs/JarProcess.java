package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/buttplug.jar ARGS} as its own process, the way a person runs it: stdout and
 * stderr kept apart (bounded), stdin writable, always destroyed by {@link #close()}. With
 * {@link #onPseudoTerminal} it runs inside {@code script(1)} from util-linux, so the program sees a
 * terminal (JLine's prompt, editing, completion) while the test writes keys and reads the screen.
 */
final class JarProcess implements AutoCloseable {

    /** The longest any step may take; far above what a working program needs, so a hang fails instead of blocking. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final int MAX_KEPT_CHARS = 1 << 20;

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final OutputStream in;

    private JarProcess(List<String> command) throws IOException {
        this(command, null);
    }

    private JarProcess(List<String> command, String term) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (term != null) {
            builder.environment().put("TERM", term);
        }
        process = builder.start();
        in = process.getOutputStream();
        pump(process.getInputStream(), out, "jar-stdout");
        pump(process.getErrorStream(), err, "jar-stderr");
    }

    static Path jar() {
        Path jar = Path.of("target", "buttplug.jar").toAbsolutePath();
        assertThat(jar).as("run after `package`").exists();
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code java -jar buttplug.jar args...} with pipes for stdin, stdout and stderr. */
    static JarProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return new JarProcess(command);
    }

    /** Whether {@code script(1)} is here; under CI=true a missing one fails the test instead of skipping it. */
    static boolean scriptAvailable() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script"));
        if (!found && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("script(1) from util-linux is missing; .ci/run installs bsdutils");
        }
        return found;
    }

    /**
     * Starts the jar on a pseudo-terminal made by {@code script -qfec}: what the test writes to stdin
     * arrives as keys, stdout is the terminal's screen output.
     */
    static JarProcess onPseudoTerminal(String... args) throws IOException {
        StringBuilder line = new StringBuilder(quote(java())).append(" -jar ").append(quote(jar().toString()));
        for (String a : args) {
            line.append(' ').append(quote(a));
        }
        return new JarProcess(List.of("script", "-qfec", line.toString(), "/dev/null"), "xterm-256color");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void pump(InputStream stream, StringBuffer into, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                char[] buf = new char[4096];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    if (into.length() < MAX_KEPT_CHARS) {
                        into.append(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                into.append("\n[").append(name).append(" ended: ").append(e.getMessage()).append("]\n");
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Everything printed on stdout so far. */
    String out() {
        return out.toString();
    }

    /** Everything printed on stderr so far. */
    String err() {
        return err.toString();
    }

    /** Types {@code text} (for a terminal: keys, e.g. {@code "list\r"} or {@code "li\t"}). */
    JarProcess type(String text) throws IOException {
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
        return this;
    }

    /** Closes stdin: the end of input. */
    void endInput() throws IOException {
        in.close();
    }

    /** Waits (bounded by {@link #WAIT}) until stdout matches {@code pattern} after {@code from} chars; returns where it matched. */
    int awaitOut(String regex, int from) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        return await(() -> {
            java.util.regex.Matcher m = p.matcher(out());
            return m.find(Math.min(from, out().length())) ? m.end() : -1;
        }, "stdout matching " + regex);
    }

    /** Waits (bounded) until stdout matches {@code regex} anywhere. */
    int awaitOut(String regex) throws InterruptedException {
        return awaitOut(regex, 0);
    }

    /** Waits (bounded) until stderr matches {@code regex}. */
    void awaitErr(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        await(() -> p.matcher(err()).find() ? 1 : -1, "stderr matching " + regex);
    }

    private int await(java.util.function.IntSupplier found, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int at = found.getAsInt();
            if (at >= 0) {
                return at;
            }
            if (!process.isAlive()) {
                process.waitFor(2, TimeUnit.SECONDS);
                at = found.getAsInt();
                if (at >= 0) {
                    return at;
                }
                throw new AssertionError("the program ended (status " + process.exitValue() + ") without " + what
                        + "\nstdout:\n" + out() + "\nstderr:\n" + err());
            }
            Thread.sleep(20); // bounded poll of the captured output
        }
        throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s\nstdout:\n" + out() + "\nstderr:\n" + err());
    }

    /** Waits (bounded by {@link #WAIT}) for the program to end; returns its exit status. */
    int exitStatus() throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the program did not end within " + WAIT.toSeconds() + " s\nstdout:\n" + out()
                    + "\nstderr:\n" + err());
        }
        Thread.sleep(100); // let the pumps take the last bytes
        return process.exitValue();
    }

    /** Whether the program still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** Lines of stdout or stderr that satisfy {@code test}. */
    static List<String> lines(String text, Predicate<String> test) {
        return text.lines().filter(test).toList();
    }

    /** Stops the program (and, on a terminal, script's child with it) if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
