package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.examples.console.Console;
import io.github.buttplugjava.examples.console.ConsoleInputError;
import io.github.buttplugjava.examples.console.Failures;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buttplug control}: a console that drives the toys of a hub room or of any Buttplug server
 * ({@code buttplug serve}, Intiface). On a terminal: a prompt with history, editing and completion;
 * otherwise commands from stdin or {@code --exec}. Exit status: 0 after {@code quit} or the end of
 * input, 1 when the link to the server drops (unless {@code --reconnect}) or, without a terminal,
 * when a command fails; 2 for options that cannot work.
 */
@Command(name = "control", mixinStandardHelpOptions = true,
        description = {"Drive the toys of a hub room (or any Buttplug server) from a console.",
                "On a terminal: a '> ' prompt with history (Up/Down), line editing and Tab completion.",
                "Without one, commands come from stdin, one a line, or from --exec; the first that fails ends the run (status 1).",
                "Type 'help' for the commands: list, scan, vibrate, rotate, oscillate, constrict, position, output,",
                "battery, read, stop, stopall, sleep, quit. DEVICE is an index from 'list' or a device name."})
public final class ControlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "A hub's control URL (ws://127.0.0.1:8080/control/TOKEN) or a Buttplug server (ws://127.0.0.1:12345).")
    URI url;

    @Option(names = "--exec", paramLabel = "COMMANDS",
            description = "Run these commands (separated by ';') and leave, e.g. --exec \"vibrate 0 0.5; sleep 2; stopall\".")
    String exec;

    /** The longest wait between two reconnection attempts. */
    private static final Duration MAX_RECONNECT_WAIT = Duration.ofSeconds(30);

    @Option(names = "--scan-seconds", defaultValue = "5", paramLabel = "SECONDS",
            description = "When the server has no devices yet, scan this long on connecting; 0 = never (default: ${DEFAULT-VALUE}).")
    int scanSeconds;

    @Option(names = "--reconnect",
            description = "When the link drops, connect again (every 1 s, then up to every 30 s) instead of leaving with status 1.")
    boolean reconnect;

    /** Set once the console ends: no more reconnecting. */
    private volatile boolean leaving;

    /** The client of the current link; a new one after each reconnection. */
    private final AtomicReference<ButtplugClient> current = new AtomicReference<>();

    @Override
    public Integer call() throws Exception {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw OptionErrors.of(spec, "--url must be a ws:// or wss:// address, not '" + url + "'");
        }
        if (scanSeconds < 0 || scanSeconds > ControlConsole.MAX_SCAN_S) {
            throw OptionErrors.of(spec, "--scan-seconds must be from 0 to " + ControlConsole.MAX_SCAN_S);
        }
        ControlConsole commands = new ControlConsole(current::get);
        CommandTable table = commands.table();
        try (Console console = open(table)) {
            CompletableFuture<Throwable> gone = new CompletableFuture<>();
            try {
                connect(console, gone).get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("buttplug control: cannot connect to " + safe(url) + ": " + Failures.oneLine(e));
                return 1;
            }
            ButtplugClient client = current.get();
            String server = client.serverInfo().map(i -> PeerText.name(i.serverName())).orElse("?");
            console.print("Connected to '" + server + "' (" + client.devices().size() + " device(s))."
                    + (console.interactive() ? " Type 'help' for the commands, Tab to complete." : ""));
            if (client.devices().isEmpty() && scanSeconds > 0) {
                console.print("No devices yet: scanning for " + scanSeconds + " s.");
                try {
                    commands.scanFor(scanSeconds).forEach(console::print);
                } catch (Exception e) {
                    console.print("scan: " + Failures.oneLine(e));
                }
            }
            int status = loop(console, table, gone);
            leaving = true;
            if (gone.isDone()) {
                Throwable cause = gone.getNow(null);
                console.print("The link to the server closed" + (cause == null ? "" : ": " + Failures.oneLine(cause))
                        + ". The server stops what this console started.");
                return 1;
            }
            try {
                commands.stopAll().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("buttplug control: stopping every device: " + Failures.oneLine(e));
            }
            current.get().disconnect().get(5, TimeUnit.SECONDS);
            return status;
        } finally {
            leaving = true;
        }
    }

    /**
     * Connects a new client and makes it the current one. When its link drops, {@code gone}
     * completes (the console ends) or, with {@code --reconnect}, it connects again with backoff.
     */
    private CompletableFuture<Void> connect(Console console, CompletableFuture<Throwable> gone) {
        ButtplugClient client = ButtplugClient.builder("buttplug-java control").build();
        java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                console.print("+ device " + ControlConsole.label(device));
            }

            @Override
            public void deviceRemoved(ButtplugClientDevice device) {
                console.print("- device " + ControlConsole.label(device) + " left");
            }

            @Override
            public void disconnected(Throwable cause) {
                if (current.get() != client || leaving || !up.get()) {
                    return;
                }
                if (reconnect) {
                    console.print("The link to the server closed" + (cause == null ? "" : ": " + Failures.oneLine(cause))
                            + "; the server stops what this console started. Connecting again.");
                    reconnectLater(console, gone, Duration.ofSeconds(1));
                } else {
                    gone.complete(cause);
                    console.interrupt();
                }
            }
        });
        current.set(client);
        return client.connect(WebSocketConnector.to(url)).thenRun(() -> up.set(true));
    }

    private void reconnectLater(Console console, CompletableFuture<Throwable> gone, Duration wait) {
        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (leaving || gone.isDone()) {
                return;
            }
            connect(console, gone).whenComplete((v, e) -> {
                if (e == null) {
                    ButtplugClient c = current.get();
                    console.print("Connected again to '" + c.serverInfo().map(i -> PeerText.name(i.serverName())).orElse("?")
                            + "' (" + c.devices().size() + " device(s)); nothing that ran before is resumed.");
                } else {
                    Duration next = wait.multipliedBy(2).compareTo(MAX_RECONNECT_WAIT) > 0 ? MAX_RECONNECT_WAIT : wait.multipliedBy(2);
                    console.print("Cannot connect (" + Failures.oneLine(e) + "); trying again in " + next.toSeconds() + " s.");
                    reconnectLater(console, gone, next);
                }
            });
        });
    }

    private Console open(CommandTable table) throws java.io.IOException {
        if (exec != null) {
            return Console.script(Console.splitScript(exec));
        }
        return Console.onTerminal() ? Console.terminal("buttplug-control", "> ", table) : Console.lines(System.in);
    }

    /** Reads and runs lines until quit, the end of input or the link dropping; returns the exit status. */
    private static int loop(Console console, CommandTable table, CompletableFuture<Throwable> gone) throws InterruptedException {
        while (!gone.isDone()) {
            Optional<String> line = console.next();
            if (line.isEmpty()) {
                return 0;
            }
            CommandTable.Outcome outcome;
            try {
                outcome = table.run(console.words(line.get()));
            } catch (ConsoleInputError e) {
                outcome = new CommandTable.Outcome.Failed(e.getMessage());
            }
            if (outcome instanceof CommandTable.Outcome.Quit) {
                return 0;
            }
            if (outcome instanceof CommandTable.Outcome.Done done) {
                done.lines().forEach(console::print);
            } else if (outcome instanceof CommandTable.Outcome.Failed failed && !gone.isDone()) {
                if (console.interactive()) {
                    console.print("error: " + failed.message());
                } else {
                    System.err.println("buttplug control: " + failed.message());
                    return 1;
                }
            }
        }
        return 1;
    }

    /** The URL without its path (a control URL's path holds the room's secret token). */
    private static String safe(URI url) {
        return url.getScheme() + "://" + url.getAuthority() + (url.getPath() == null || url.getPath().isEmpty() ? "" : "/...");
    }
}
