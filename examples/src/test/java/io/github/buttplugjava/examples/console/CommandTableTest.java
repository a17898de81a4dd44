package io.github.buttplugjava.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    private final CommandTable table = new CommandTable("test", List.of(
            new ConsoleCommand("set", "DEVICE LEVEL", "set a level", List.of("More about set."), 2, 2,
                    position -> position == 0 ? List.of("0", "Lovense Hush") : List.of(),
                    args -> List.of("set " + args.word(0) + " to " + args.number(1, "LEVEL", 0, 1))),
            new ConsoleCommand("wait", "MS", "wait", List.of(), 1, 1, ConsoleCommand.Completion.NONE,
                    args -> List.of("waited " + args.whole(0, "MS", 0, 1000)))));

    private CommandTable.Outcome run(String... words) {
        return table.run(List.of(words));
    }

    @Test
    void runsACommandWithItsArguments() {
        assertThat(run("set", "0", "0.5")).isEqualTo(new CommandTable.Outcome.Done(List.of("set 0 to 0.5")));
        assertThat(run("SET", "0", "1")).isEqualTo(new CommandTable.Outcome.Done(List.of("set 0 to 1.0")));
        assertThat(run()).isEqualTo(new CommandTable.Outcome.Done(List.of()));
        assertThat(run("exit")).isInstanceOf(CommandTable.Outcome.Quit.class);
        assertThat(run("quit")).isInstanceOf(CommandTable.Outcome.Quit.class);
    }

    @Test
    void badInputIsOneLineInTheCommandsTerms() {
        assertThat(run("set", "0", "x")).isEqualTo(new CommandTable.Outcome.Failed("set: LEVEL must be a number from 0 to 1, not 'x'"));
        assertThat(run("set", "0", "1.5")).isEqualTo(new CommandTable.Outcome.Failed("set: LEVEL must be from 0 to 1, not 1.5"));
        assertThat(run("set", "0", "NaN")).isEqualTo(new CommandTable.Outcome.Failed("set: LEVEL must be from 0 to 1, not NaN"));
        assertThat(run("set", "0")).isEqualTo(new CommandTable.Outcome.Failed("set: missing arguments; usage: set DEVICE LEVEL"));
        assertThat(run("set", "0", "1", "2")).isEqualTo(new CommandTable.Outcome.Failed("set: too many arguments; usage: set DEVICE LEVEL"));
        assertThat(run("wait", "2.5")).isEqualTo(new CommandTable.Outcome.Failed("wait: MS must be a whole number from 0 to 1000, not '2.5'"));
        assertThat(run("frob")).isEqualTo(new CommandTable.Outcome.Failed("unknown command 'frob'; type 'help' for the list"));
        assertThat(run("help", "frob")).isEqualTo(new CommandTable.Outcome.Failed("help: no command 'frob'; type 'help' for the list"));
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        CommandTable.Outcome all = run("help");
        assertThat(all).isInstanceOf(CommandTable.Outcome.Done.class);
        assertThat(((CommandTable.Outcome.Done) all).lines()).contains("test commands:")
                .anySatisfy(l -> assertThat(l).contains("set DEVICE LEVEL").contains("set a level"))
                .anySatisfy(l -> assertThat(l).contains("help [COMMAND]"))
                .anySatisfy(l -> assertThat(l).contains("quit"));
        assertThat(run("help", "set")).isEqualTo(new CommandTable.Outcome.Done(
                List.of("usage: set DEVICE LEVEL", "  set a level", "  More about set.")));
    }

    @Test
    void completesCommandsThenEachArgument() {
        assertThat(table.candidates(List.of())).containsExactly("set", "wait", "help", "quit");
        assertThat(table.candidates(List.of("set"))).containsExactly("0", "Lovense Hush");
        assertThat(table.candidates(List.of("set", "0"))).isEmpty();
        assertThat(table.candidates(List.of("set", "0", "1"))).as("no more arguments").isEmpty();
        assertThat(table.candidates(List.of("help"))).contains("set", "wait");
        assertThat(table.candidates(List.of("nothing"))).isEmpty();
    }

    @Test
    void scriptsSplitAtSemicolonsOutsideQuotes() {
        assertThat(Console.splitScript("vibrate 0 0.5; sleep 2;stopall ;;")).containsExactly("vibrate 0 0.5", "sleep 2", "stopall");
        assertThat(Console.splitScript("vibrate \"a;b\" 1")).containsExactly("vibrate \"a;b\" 1");
    }
}
