package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.examples.console.CommandArgs;
import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.examples.console.ConsoleCommand;
import io.github.buttplugjava.examples.console.ConsoleInputError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The commands of {@code buttplug control} over one connected {@link ButtplugClient}: devices by
 * index or name, every output type, inputs, scanning, stop and stop-all.
 */
final class ControlConsole {

    /** How long a command waits for the server's answer. */
    static final long ANSWER_TIMEOUT_S = 10;

    /** Longest {@code sleep} and {@code scan}, so a script cannot hang the console for long. */
    static final int MAX_SLEEP_S = 3600;
    static final int MAX_SCAN_S = 120;

    private final java.util.function.Supplier<ButtplugClient> link;

    ControlConsole(ButtplugClient client) {
        this(() -> client);
    }

    /** @param link the client of the current link (a new one after each reconnection) */
    ControlConsole(java.util.function.Supplier<ButtplugClient> link) {
        this.link = link;
    }

    private ButtplugClient client() {
        return link.get();
    }

    /** The command table, with help. */
    CommandTable table() {
        ConsoleCommand.Completion device = position -> position == 0 ? deviceWords() : List.of();
        List<ConsoleCommand> c = new ArrayList<>();
        c.add(new ConsoleCommand("list", "", "the devices: index, name, outputs (with their steps) and inputs",
                List.of(), 0, 0, ConsoleCommand.Completion.NONE, args -> list()));
        c.add(new ConsoleCommand("scan", "[SECONDS]", "look for new devices (default 5 s); they show up as '+ device' lines",
                List.of("Servers such as 'buttplug serve' or Intiface find Bluetooth toys only while scanning."),
                0, 1, ConsoleCommand.Completion.NONE, this::scan));
        c.add(level("vibrate", OutputType.VIBRATE, device));
        c.add(new ConsoleCommand("rotate", "DEVICE SPEED [cw|ccw]", "turn at SPEED 0..1, clockwise unless 'ccw'",
                List.of("A rotator that turns one way only ignores the direction."),
                2, 3, position -> position == 0 ? deviceWords() : position == 2 ? List.of("cw", "ccw") : List.of(), this::rotate));
        c.add(level("oscillate", OutputType.OSCILLATE, device));
        c.add(level("constrict", OutputType.CONSTRICT, device));
        c.add(new ConsoleCommand("position", "DEVICE POSITION [MS]", "move to POSITION 0..1 over MS milliseconds (default 500)",
                List.of("Uses HwPositionWithDuration when the device has it, else Position (at once)."),
                2, 3, device, this::position));
        c.add(new ConsoleCommand("output", "DEVICE TYPE LEVEL", "set any output type to LEVEL 0..1 (spray, temperature, led, ...)",
                List.of("TYPE is one of: " + outputNames() + "."),
                3, 3, position -> position == 0 ? deviceWords() : position == 1 ? outputWords() : List.of(), this::output));
        c.add(new ConsoleCommand("battery", "DEVICE", "read the battery level", List.of(), 1, 1, device,
                args -> read(args, InputType.BATTERY)));
        c.add(new ConsoleCommand("read", "DEVICE INPUT", "read an input once: " + inputNames(), List.of(), 2, 2,
                position -> position == 0 ? deviceWords() : position == 1 ? inputWords() : List.of(),
                args -> read(args, inputType(args.word(1)))));
        c.add(new ConsoleCommand("stop", "DEVICE", "stop every output of one device", List.of(), 1, 1, device, this::stop));
        c.add(new ConsoleCommand("stopall", "", "stop every device", List.of(), 0, 0, ConsoleCommand.Completion.NONE,
                args -> {
                    client().stopAll().get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
                    return List.of("every device stopped");
                }));
        c.add(new ConsoleCommand("sleep", "SECONDS", "wait (for scripts: --exec \"vibrate 0 0.5; sleep 2; stopall\")",
                List.of(), 1, 1, ConsoleCommand.Completion.NONE, args -> {
                    double s = args.number(0, "SECONDS", 0, MAX_SLEEP_S);
                    Thread.sleep(Math.round(s * 1000));
                    return List.of();
                }));
        return new CommandTable("control", c);
    }

    private ConsoleCommand level(String name, OutputType type, ConsoleCommand.Completion device) {
        return new ConsoleCommand(name, "DEVICE LEVEL", name + " at LEVEL 0..1 (0 stops it)", List.of(), 2, 2, device,
                args -> {
                    ButtplugClientDevice d = device(args, 0, type);
                    double level = args.number(1, "LEVEL", 0, 1);
                    d.level(type, level).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
                    return List.of(label(d) + ": " + name + " " + percent(level));
                });
    }

    private List<String> list() {
        List<ButtplugClientDevice> devices = client().devices();
        if (devices.isEmpty()) {
            return List.of("no devices; 'scan' looks for some");
        }
        List<String> out = new ArrayList<>();
        for (ButtplugClientDevice d : devices) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%3d  %s", d.index(), PeerText.name(d.name())));
            List<String> outputs = new ArrayList<>();
            List<String> inputs = new ArrayList<>();
            for (DeviceFeature f : d.features()) {
                f.outputs().forEach((t, l) -> outputs.add(t.wireName().toLowerCase(Locale.ROOT) + " " + l.value().min()
                        + ".." + l.value().max()));
                f.inputs().keySet().forEach(t -> inputs.add(t.wireName().toLowerCase(Locale.ROOT)));
            }
            if (!outputs.isEmpty()) {
                b.append("  outputs: ").append(String.join(", ", outputs));
            }
            if (!inputs.isEmpty()) {
                b.append("  inputs: ").append(String.join(", ", inputs));
            }
            out.add(b.toString());
        }
        return out;
    }

    private List<String> scan(CommandArgs args) throws Exception {
        long seconds = args.has(0) ? args.whole(0, "SECONDS", 1, MAX_SCAN_S) : 5;
        return scanFor(seconds);
    }

    /** Scans for {@code seconds}, then stops scanning; the devices found arrive as '+ device' lines meanwhile. */
    List<String> scanFor(long seconds) throws Exception {
        int before = client().devices().size();
        client().startScanning().get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        try {
            Thread.sleep(seconds * 1000);
        } finally {
            if (client().isConnected()) {
                client().stopScanning().get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
            }
        }
        int found = client().devices().size() - before;
        return List.of("scanned " + seconds + " s: " + (found > 0 ? found + " new device(s)" : "no new devices")
                + ", " + client().devices().size() + " in all");
    }

    private List<String> rotate(CommandArgs args) throws Exception {
        ButtplugClientDevice d = device(args, 0, OutputType.ROTATE);
        double speed = args.number(1, "SPEED", 0, 1);
        boolean clockwise = true;
        if (args.has(2)) {
            String dir = args.word(2).toLowerCase(Locale.ROOT);
            if (!dir.equals("cw") && !dir.equals("ccw")) {
                throw new ConsoleInputError("rotate: the direction is 'cw' or 'ccw', not '" + args.word(2) + "'");
            }
            clockwise = dir.equals("cw");
        }
        d.rotate(speed, clockwise).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        return List.of(label(d) + ": rotate " + percent(speed) + (clockwise ? " clockwise" : " counter-clockwise"));
    }

    private List<String> position(CommandArgs args) throws Exception {
        ButtplugClientDevice d = device(args, 0, null);
        if (!d.hasOutput(OutputType.POSITION) && !d.hasOutput(OutputType.HW_POSITION_WITH_DURATION)) {
            throw new ConsoleInputError("position: " + label(d) + " has no position output");
        }
        double position = args.number(1, "POSITION", 0, 1);
        long ms = args.has(2) ? args.whole(2, "MS", 0, 60_000) : 500;
        d.position(position, ms).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        return List.of(label(d) + ": position " + percent(position) + " over " + ms + " ms");
    }

    private List<String> output(CommandArgs args) throws Exception {
        OutputType type = outputType(args.word(1));
        if (type == OutputType.POSITION || type == OutputType.HW_POSITION_WITH_DURATION) {
            throw new ConsoleInputError("output: use 'position DEVICE POSITION [MS]' for positions");
        }
        ButtplugClientDevice d = device(args, 0, type);
        double level = args.number(2, "LEVEL", 0, 1);
        d.level(type, level).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        return List.of(label(d) + ": " + type.wireName().toLowerCase(Locale.ROOT) + " " + percent(level));
    }

    private List<String> read(CommandArgs args, InputType type) throws Exception {
        ButtplugClientDevice d = device(args, 0, null);
        if (!d.hasInput(type)) {
            throw new ConsoleInputError(label(d) + " has no " + type.wireName().toLowerCase(Locale.ROOT) + " input");
        }
        int value = d.read(type).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        String unit = switch (type) {
            case BATTERY -> " %";
            case RSSI -> " dBm";
            default -> "";
        };
        return List.of(label(d) + ": " + type.wireName().toLowerCase(Locale.ROOT) + " " + value + unit);
    }

    private List<String> stop(CommandArgs args) throws Exception {
        ButtplugClientDevice d = device(args, 0, null);
        d.stop().get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        return List.of(label(d) + ": stopped");
    }

    /** The device named by word {@code i}: an index from 'list', or a name (whole, any case). */
    private ButtplugClientDevice device(CommandArgs args, int i, OutputType needs) throws ConsoleInputError {
        String word = args.word(i);
        ButtplugClientDevice found = null;
        if (word.chars().allMatch(Character::isDigit) && word.length() < 10) {
            found = client().device(Integer.parseInt(word)).orElse(null);
        } else {
            for (ButtplugClientDevice d : client().devices()) {
                if (d.name().equalsIgnoreCase(word)) {
                    if (found != null) {
                        throw new ConsoleInputError("two devices are called '" + word + "': use the index from 'list'");
                    }
                    found = d;
                }
            }
        }
        if (found == null) {
            throw new ConsoleInputError("no device '" + word + "'; 'list' shows them");
        }
        if (needs != null && !found.hasOutput(needs)) {
            throw new ConsoleInputError(label(found) + " cannot " + needs.wireName().toLowerCase(Locale.ROOT));
        }
        return found;
    }

    private List<String> deviceWords() {
        List<String> words = new ArrayList<>();
        for (ButtplugClientDevice d : client().devices()) {
            words.add(Integer.toString(d.index()));
        }
        for (ButtplugClientDevice d : client().devices()) {
            words.add(PeerText.name(d.name()));
        }
        return words;
    }

    /** How a device is named in output lines: {@code 0 Lovense Hush}. */
    static String label(ButtplugClientDevice d) {
        return d.index() + " " + PeerText.name(d.name());
    }

    private static String percent(double level) {
        return Math.round(level * 100) + " %";
    }

    private static OutputType outputType(String word) throws ConsoleInputError {
        return OutputType.fromWireName(word).or(() -> Arrays.stream(OutputType.values())
                        .filter(t -> t.wireName().equalsIgnoreCase(word)).findFirst())
                .orElseThrow(() -> new ConsoleInputError("no output type '" + word + "'; one of " + outputNames()));
    }

    private static InputType inputType(String word) throws ConsoleInputError {
        return Arrays.stream(InputType.values()).filter(t -> t.wireName().equalsIgnoreCase(word)).findFirst()
                .orElseThrow(() -> new ConsoleInputError("no input type '" + word + "'; one of " + inputNames()));
    }

    private static List<String> outputWords() {
        return Arrays.stream(OutputType.values()).map(t -> t.wireName().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> inputWords() {
        return Arrays.stream(InputType.values()).map(t -> t.wireName().toLowerCase(Locale.ROOT)).toList();
    }

    private static String outputNames() {
        return String.join(", ", outputWords());
    }

    private static String inputNames() {
        return String.join(", ", inputWords());
    }

    /** Completes when every device has been told to stop, or after a bound; for leaving. */
    CompletableFuture<Void> stopAll() {
        return client().isConnected() ? client().stopAll() : CompletableFuture.completedFuture(null);
    }
}
