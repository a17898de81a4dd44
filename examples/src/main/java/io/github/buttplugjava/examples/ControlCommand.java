package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code buttplug control}: a small interactive Buttplug controller (it works against a hub's
 * control URL or any Buttplug server). Reads commands from stdin.
 */
@Command(name = "control", mixinStandardHelpOptions = true,
        description = {"Drive the toys of a hub room (or any Buttplug server) from the keyboard.",
                "Commands:",
                "  list | vibrate N LEVEL | rotate N SPEED [ccw] | position N POS [MS] | battery N | stop N | stopall | quit",
                "LEVEL, SPEED and POS are 0..1; N is the device index from 'list'."})
public final class ControlCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "Control URL, e.g. ws://127.0.0.1:8080/control/TOKEN.")
    URI url;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        ButtplugClient client = ButtplugClient.builder("buttplug-java control").build();
        CompletableFuture<Void> gone = new CompletableFuture<>();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                out.println("+ device " + device.index() + ": " + device.name());
            }

            @Override
            public void deviceRemoved(ButtplugClientDevice device) {
                out.println("- device " + device.index() + " left: " + device.name());
            }

            @Override
            public void disconnected(Throwable cause) {
                out.println("Disconnected" + (cause == null ? "" : ": " + cause.getMessage()));
                gone.complete(null);
            }
        });
        try {
            client.connect(WebSocketConnector.to(url)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("control: cannot connect: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return 2;
        }
        out.println("Connected to " + client.serverInfo().map(i -> i.serverName()).orElse("?") + ". Type 'list' or 'quit'.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while (!gone.isDone() && (line = in.readLine()) != null) {
            String[] w = line.trim().split("\\s+");
            if (w[0].isEmpty()) {
                continue;
            }
            if (w[0].equalsIgnoreCase("quit") || w[0].equalsIgnoreCase("exit")) {
                break;
            }
            try {
                out.println(run(client, w));
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                out.println("error: " + cause.getMessage());
            }
        }
        client.disconnect().get(5, TimeUnit.SECONDS);
        return 0;
    }

    /** Runs one typed command; returns what to print. */
    static String run(ButtplugClient client, String[] w) throws Exception {
        String cmd = w[0].toLowerCase(Locale.ROOT);
        switch (cmd) {
            case "list" -> {
                StringBuilder b = new StringBuilder();
                for (ButtplugClientDevice d : client.devices()) {
                    b.append(d.index()).append(": ").append(d.name());
                    for (DeviceFeature f : d.features()) {
                        f.outputs().forEach((t, l) -> b.append("  ").append(t.wireName()).append(' ')
                                .append(l.value().min()).append("..").append(l.value().max()));
                        f.inputs().keySet().forEach(t -> b.append("  ").append(t.wireName()));
                    }
                    b.append('\n');
                }
                return b.length() == 0 ? "no devices" : b.toString().stripTrailing();
            }
            case "stopall" -> {
                client.stopAll().get(5, TimeUnit.SECONDS);
                return "ok";
            }
            default -> {
                if (w.length < 2) {
                    return "usage: list | vibrate N LEVEL | rotate N SPEED [ccw] | position N POS [MS] | battery N | stop N | stopall | quit";
                }
                ButtplugClientDevice d = client.device(Integer.parseInt(w[1]))
                        .orElseThrow(() -> new IllegalArgumentException("no device " + w[1]));
                CompletableFuture<?> f = switch (cmd) {
                    case "vibrate" -> d.vibrate(level(w, 2));
                    case "rotate" -> d.rotate(level(w, 2), !(w.length > 3 && w[3].equalsIgnoreCase("ccw")));
                    case "position" -> d.position(level(w, 2), w.length > 3 ? Long.parseLong(w[3]) : 500);
                    case "battery" -> d.battery().thenApply(v -> "battery " + v + " %");
                    case "stop" -> d.stop();
                    default -> throw new IllegalArgumentException("unknown command " + cmd);
                };
                Object result = f.get(5, TimeUnit.SECONDS);
                return result instanceof String s ? s : "ok";
            }
        }
    }

    private static double level(String[] w, int i) {
        if (w.length <= i) {
            throw new IllegalArgumentException("give a level 0..1");
        }
        return Double.parseDouble(w[i]);
    }
}
