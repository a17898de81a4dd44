package io.github.buttplugjava.examples;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --log-level LEVEL} and {@code --quiet}, on every command. Logs go to stderr (see
 * {@code simplelogger.properties}), so a program's own output on stdout stays clean.
 *
 * <p>slf4j-simple reads its level once, when the first logger is made, which is before picocli
 * has parsed anything; so {@link Cli#main} reads these two options from the raw arguments with
 * {@link #apply(List)} first, and picocli parses them again only to check them and show them in
 * the help.
 */
final class LogOptions {

    /** The levels slf4j-simple knows, quietest last. */
    enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR, OFF;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String AGENT_LOG_PROPERTY = "org.slf4j.simpleLogger.log.io.github.buttplugjava.remote.agent.RemoteClient";

    @Option(names = {"--log-level", "--log"}, paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Log level on stderr: trace, debug, info, warn, error or off (default: info; the consoles: warn). "
                    + "--log is Intiface Engine's name for it.")
    Level level;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Log only errors (same as --log-level error).")
    boolean quiet;

    /**
     * Sets the log level from the raw arguments, before any logger exists; {@code defaultLevel}
     * when they name none. Unknown levels are left for picocli to report.
     */
    static void apply(List<String> args, Level defaultLevel) {
        Level chosen = defaultLevel;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("-q") || a.equals("--quiet")) {
                chosen = Level.ERROR;
            } else if ((a.equals("--log-level") || a.equals("--log")) && i + 1 < args.size()) {
                chosen = parse(args.get(i + 1), chosen);
            } else if (a.startsWith("--log-level=") || a.startsWith("--log=")) {
                chosen = parse(a.substring(a.indexOf('=') + 1), chosen);
            }
        }
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, chosen.toString());
        }
        if (chosen == defaultLevel && defaultLevel == Level.WARN && System.getProperty(AGENT_LOG_PROPERTY) == null) {
            // share's console says itself what the agent's warnings say (a refusal, a silent hub): no line twice
            System.setProperty(AGENT_LOG_PROPERTY, Level.ERROR.toString());
        }
    }

    private static Level parse(String text, Level otherwise) {
        try {
            return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
