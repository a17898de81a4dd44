package io.github.buttplugjava.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code buttplug} command line: {@code java -jar examples/target/buttplug.jar <command> ...}.
 *
 * <p>Every subcommand is registered in {@link #commandLine()}, one line each. Exit status: 0 done,
 * 1 failed while running (an adapter that cannot be used, a link that dropped), 2 a command line
 * or configuration that cannot work (one line on stderr says why, a second where the help is).
 */
@Command(name = "buttplug", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Buttplug servers, clients and remote sharing from the command line.",
        subcommands = CommandLine.HelpCommand.class)
public final class Cli implements Callable<Integer> {

    /** The commands that run a console: their logs default to warnings, so they stay out of what is typed. */
    private static final Set<String> CONSOLES = Set.of("control", "share");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LogOptions logOptions = new LogOptions();

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli());
        cli.addSubcommand(new ServeCommand());
        cli.addSubcommand(new HubCommand());
        cli.addSubcommand(new ShareCommand());
        cli.addSubcommand(new ControlCommand());
        cli.addSubcommand(new DemoCommand());
        cli.addSubcommand(new ChatPlaysCommand());
        // one line per subcommand: cli.addSubcommand(new XyzCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new OptionErrors());
        // share: a --device section may repeat a grant option given before it (it overrides it for that toy)
        cli.getSubcommands().get("share").setOverwrittenOptionsAllowed(true);
        return cli;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        List<String> list = List.of(args);
        boolean console = list.stream().filter(a -> !a.startsWith("-")).findFirst().filter(CONSOLES::contains).isPresent();
        LogOptions.apply(list, console ? LogOptions.Level.WARN : LogOptions.Level.INFO);
        int status = commandLine().execute(args);
        System.exit(status);
    }

    /** {@code buttplug} alone: the list of commands on stderr, status 2 (nothing was run). */
    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        java.io.PrintStream err = System.err;
        err.println("buttplug: give a command:");
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                String[] about = sub.getCommandSpec().usageMessage().description();
                err.printf("  %-9s %s%n", name, about.length == 0 ? "" : about[0]);
            }
        });
        err.println("see 'buttplug COMMAND --help', or 'buttplug --help'");
        err.flush();
        return OptionErrors.STATUS;
    }

    /** {@code --version}: the version Maven built this jar as, from the filtered {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {

        /** The project version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a Maven build. */
        static String projectVersion() {
            Properties properties = new Properties();
            try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"buttplug-java " + projectVersion()};
        }
    }
}
