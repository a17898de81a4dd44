package io.github.buttplugjava.examples.console;

/** A typed command that cannot run as written; its message is one line for the person typing. */
public final class ConsoleInputError extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, one line */
    public ConsoleInputError(String message) {
        super(message);
    }
}
