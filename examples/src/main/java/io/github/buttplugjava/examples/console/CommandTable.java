package io.github.buttplugjava.examples.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The commands of one console, with {@code help}, {@code help COMMAND} and {@code quit} built in:
 * finds the command a line names, checks the argument count, and runs it.
 */
public final class CommandTable {

    /** What a line did. */
    public sealed interface Outcome {
        /** The command ran; these lines are its output. */
        record Done(List<String> lines) implements Outcome {
        }

        /** The line cannot run as written (unknown command, wrong arguments), or the command failed. */
        record Failed(String message) implements Outcome {
        }

        /** {@code quit}, {@code exit}. */
        record Quit() implements Outcome {
        }
    }

    private final String program;
    private final Map<String, ConsoleCommand> commands = new LinkedHashMap<>();

    /**
     * @param program   the program's name for help lines, e.g. {@code control}
     * @param commands  its commands, in the order help lists them
     */
    public CommandTable(String program, List<ConsoleCommand> commands) {
        this.program = program;
        for (ConsoleCommand c : commands) {
            this.commands.put(c.name(), c);
        }
        this.commands.put("help", new ConsoleCommand("help", "[COMMAND]", "this list, or how to use one command",
                List.of(), 0, 1, position -> List.copyOf(this.commands.keySet()), this::help));
        this.commands.put("quit", new ConsoleCommand("quit", "", "leave (also 'exit', Ctrl-D)", List.of(), 0, 0,
                ConsoleCommand.Completion.NONE, args -> List.of()));
    }

    /** @return every command name, for completion */
    public List<String> names() {
        return List.copyOf(commands.keySet());
    }

    /**
     * Words to offer after {@code before} (the words already typed on the line, complete ones only).
     *
     * @param before the complete words before the cursor
     * @return candidates for the word at the cursor
     */
    public List<String> candidates(List<String> before) {
        if (before.isEmpty()) {
            return names();
        }
        ConsoleCommand c = commands.get(before.get(0).toLowerCase(Locale.ROOT));
        if (c == null || before.size() - 1 >= c.maxArgs()) {
            return List.of();
        }
        return c.completion().candidates(before.size() - 1);
    }

    /**
     * Runs one line, already split into words.
     *
     * @param words the words; empty does nothing
     * @return what happened
     */
    public Outcome run(List<String> words) {
        if (words.isEmpty()) {
            return new Outcome.Done(List.of());
        }
        String name = words.get(0).toLowerCase(Locale.ROOT);
        if (name.equals("exit")) {
            name = "quit";
        }
        ConsoleCommand c = commands.get(name);
        if (c == null) {
            return new Outcome.Failed("unknown command '" + words.get(0) + "'; type 'help' for the list");
        }
        if (c.name().equals("quit")) {
            return new Outcome.Quit();
        }
        List<String> args = words.subList(1, words.size());
        if (args.size() < c.minArgs() || args.size() > c.maxArgs()) {
            return new Outcome.Failed(c.name() + ": " + (args.size() < c.minArgs() ? "missing arguments" : "too many arguments")
                    + "; usage: " + c.usage());
        }
        try {
            return new Outcome.Done(c.action().run(new CommandArgs(c.name(), args)));
        } catch (ConsoleInputError e) {
            return new Outcome.Failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed(c.name() + ": interrupted");
        } catch (Exception e) {
            return new Outcome.Failed(c.name() + ": " + Failures.oneLine(e));
        }
    }

    /** @return the command called {@code name}, if any */
    public Optional<ConsoleCommand> command(String name) {
        return Optional.ofNullable(commands.get(name.toLowerCase(Locale.ROOT)));
    }

    private List<String> help(CommandArgs args) throws ConsoleInputError {
        List<String> out = new ArrayList<>();
        if (args.has(0)) {
            ConsoleCommand c = command(args.word(0)).orElseThrow(() -> new ConsoleInputError(
                    "help: no command '" + args.word(0) + "'; type 'help' for the list"));
            out.add("usage: " + c.usage());
            out.add("  " + c.summary());
            c.details().forEach(d -> out.add("  " + d));
            return out;
        }
        int width = commands.values().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        out.add(program + " commands:");
        for (ConsoleCommand c : commands.values()) {
            out.add(String.format(Locale.ROOT, "  %-" + width + "s  %s", c.usage(), c.summary()));
        }
        out.add("Tab completes commands and devices; Up/Down walk the history; 'help COMMAND' says more.");
        return out;
    }
}
