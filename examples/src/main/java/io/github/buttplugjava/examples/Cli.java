package io.github.buttplugjava.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code buttplug} command line: {@code java -jar examples/target/buttplug.jar <command> ...}.
 *
 * <p>Every subcommand is registered in {@link #commandLine()}, one line each.
 */
@Command(name = "buttplug", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Buttplug servers, clients and remote sharing from the command line.",
        subcommands = CommandLine.HelpCommand.class)
public final class Cli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli());
        cli.addSubcommand(new ServeCommand());
        cli.addSubcommand(new HubCommand());
        cli.addSubcommand(new ShareCommand());
        cli.addSubcommand(new ControlCommand());
        cli.addSubcommand(new DemoCommand());
        // one line per subcommand: cli.addSubcommand(new XyzCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = commandLine().execute(args);
        System.exit(status);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
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
