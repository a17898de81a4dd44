package io.github.buttplugjava.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the command line as the program runs it, with what it printed on standard error
 * (picocli's error writer and {@code System.err}).
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
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = cli.execute(args);
        } finally {
            System.setErr(original);
        }
        return new CliRun(status, captured.toString(StandardCharsets.UTF_8) + err);
    }
}
