package io.github.buttplugjava.examples.console;

import java.util.List;

/** The words after a console command's name, read as numbers with one-line errors that name the argument. */
public final class CommandArgs {

    private final String command;
    private final List<String> words;

    CommandArgs(String command, List<String> words) {
        this.command = command;
        this.words = List.copyOf(words);
    }

    /** @return how many words were given */
    public int size() {
        return words.size();
    }

    /** @return whether word {@code i} was given */
    public boolean has(int i) {
        return i < words.size();
    }

    /** @return word {@code i} as typed */
    public String word(int i) {
        return words.get(i);
    }

    /**
     * Word {@code i} as a number in {@code [min, max]}.
     *
     * @param label the argument's name in the usage line, e.g. {@code LEVEL}
     * @throws ConsoleInputError when it is not such a number
     */
    public double number(int i, String label, double min, double max) throws ConsoleInputError {
        String text = words.get(i);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConsoleInputError(command + ": " + label + " must be a number from " + plain(min) + " to " + plain(max)
                    + ", not '" + text + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new ConsoleInputError(command + ": " + label + " must be from " + plain(min) + " to " + plain(max)
                    + ", not " + text);
        }
        return value;
    }

    /**
     * Word {@code i} as a whole number in {@code [min, max]}.
     *
     * @param label the argument's name in the usage line, e.g. {@code MS}
     * @throws ConsoleInputError when it is not such a number
     */
    public long whole(int i, String label, long min, long max) throws ConsoleInputError {
        String text = words.get(i);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConsoleInputError(command + ": " + label + " must be a whole number from " + min + " to " + max
                    + ", not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new ConsoleInputError(command + ": " + label + " must be from " + min + " to " + max + ", not " + text);
        }
        return value;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
