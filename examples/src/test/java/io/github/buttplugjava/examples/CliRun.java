package io.github.buttplugjava.examples;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the command line as the program runs it, with what it printed on standard error
 * (picocli's error writer and {@code System.err}). Only what the calling thread writes to
 * {@code System.err} is taken (the command runs on it); other threads' writes, such as a log line
 * of an earlier test's device source winding down, pass through to the real standard error.
 *
 * @param status the exit status
 * @param printed what it printed on standard error
 */
record CliRun(int status, String printed) {

    /** Runs the command line with {@code args}. */
    static CliRun of(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Thread caller = Thread.currentThread();
        OutputStream callersOnly = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (Thread.currentThread() == caller) {
                    captured.write(b, off, len); // ByteArrayOutputStream locks itself
                } else {
                    original.write(b, off, len);
                }
            }
        };
        System.setErr(new PrintStream(callersOnly, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = cli.execute(args);
        } finally {
            System.setErr(original);
        }
        return new CliRun(status, captured.toString(StandardCharsets.UTF_8) + err);
    }
}
