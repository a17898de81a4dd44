package io.github.buttplugjava.examples.console;

import java.util.List;
import java.util.Objects;

/**
 * One command of a console.
 *
 * @param name      what is typed, e.g. {@code vibrate}
 * @param arguments the usage after the name, e.g. {@code DEVICE LEVEL}; empty when none
 * @param summary   one line for {@code help}
 * @param details   more lines for {@code help NAME}
 * @param minArgs   fewest arguments
 * @param maxArgs   most arguments
 * @param completion what to offer for each argument (by position); {@link Completion#NONE} when nothing
 * @param action    what it does
 */
public record ConsoleCommand(String name, String arguments, String summary, List<String> details, int minArgs, int maxArgs,
                             Completion completion, Action action) {

    /** Runs a command; returns the lines to print (may be empty). */
    @FunctionalInterface
    public interface Action {
        /**
         * @param args the words after the name, already counted against min/max
         * @return what to print, one line per element
         * @throws ConsoleInputError for input that cannot work (one line)
         * @throws Exception when the command failed while running
         */
        List<String> run(CommandArgs args) throws Exception;
    }

    /** Words to offer for the argument at {@code position} (0 = first after the name). */
    @FunctionalInterface
    public interface Completion {
        /** Offers nothing. */
        Completion NONE = position -> List.of();

        /**
         * @param position the argument's position
         * @return the words to offer
         */
        List<String> candidates(int position);
    }

    /** Checks the fields. */
    public ConsoleCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(action, "action");
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("need 0 <= minArgs <= maxArgs");
        }
    }

    /** @return the usage line, e.g. {@code vibrate DEVICE LEVEL} */
    public String usage() {
        return arguments.isEmpty() ? name : name + " " + arguments;
    }
}
