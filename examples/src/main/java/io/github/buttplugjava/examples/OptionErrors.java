package io.github.buttplugjava.examples;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How every {@code buttplug} command reports a wrong option: one line saying what is wrong, one
 * line pointing at the command's help, exit status {@value #STATUS}. The same for what picocli
 * finds while parsing and for what a command finds while checking its options.
 */
final class OptionErrors implements CommandLine.IParameterExceptionHandler {

    /** Exit status of a command line that cannot be run as written. */
    static final int STATUS = 2;

    /** The error for {@code message} about the options of {@code spec}'s command, for the handler to print. */
    static CommandLine.ParameterException of(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        // System.err itself, read now (not a writer picocli made earlier): tests and consoles swap it
        PrintStream err = System.err;
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + firstLine(ex.getMessage()));
        err.println("see '" + name + " --help'");
        err.flush();
        return STATUS;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "invalid command line";
        }
        String line = message.strip().replace("option option", "option");
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
