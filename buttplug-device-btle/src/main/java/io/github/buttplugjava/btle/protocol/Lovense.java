package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lovense: ASCII commands on {@code tx}, replies on {@code rx}. Identifies the model with
 * {@code DeviceType;} (reply {@code type:firmware:mac;}), falling back to the BLE name. Command
 * shape depends on the model's outputs: {@code Vibrate:s;}, {@code VibrateN:s;}, {@code Mply:a:b:..;},
 * {@code Rotate:s;} (+ {@code RotateChange;} for counter-clockwise), {@code Air:Level:s;}.
 * Battery: {@code Battery;} answered by {@code 85;} (other replies on rx, such as a late {@code OK;},
 * are skipped). Strokers (Solace: BA, H) take
 * {@code Mply:speed:range;} for oscillation and move by {@code FSetSite:<pos>;} steps every 100 ms.
 */
final class Lovense implements ProtocolHandler {

    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(500);
    private static final int RETRIES = 5;
    /** How long a battery read waits for a reply, skipping replies that are not battery levels. */
    static final Duration BATTERY_TIMEOUT = Duration.ofSeconds(2);
    /** How many non-battery replies a battery read skips before it gives up. */
    static final int MAX_SKIPPED = 8;
    private static final Pattern NAME_MODEL = Pattern.compile("LVS-([A-Z]+)\\d+");
    private static final long ROTATE_GROUP = 1L << 62;
    private static final long DIRECTION_GROUP = 1L << 61;

    private enum Mode { SINGLE, DUAL, MULTI, ROTATE_VIBRATOR, MAX, STROKER }

    private String model = "";
    private Mode mode = Mode.SINGLE;
    private boolean zeroRange;
    private int[] mply = new int[0];
    private int goalPosition;
    private long goalDuration;
    private int lastGoal;
    private int currentPosition;
    private int moveAmount;

    @Override
    public CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return io.subscribe(Endpoint.RX).thenCompose(v -> askType(protocol, io, 0));
    }

    private CompletableFuture<Identification> askType(String protocol, HardwareIo io, int attempt) {
        CompletableFuture<byte[]> reply = io.nextNotification(Endpoint.RX, REPLY_TIMEOUT);
        return io.write(Endpoint.TX, ascii("DeviceType;"), false)
                .thenCompose(v -> reply)
                .thenApply(data -> new Identification(protocol, model(new String(data, StandardCharsets.UTF_8))))
                .exceptionallyCompose(e -> {
                    if (!(unwrap(e) instanceof TimeoutException)) {
                        return CompletableFuture.failedFuture(e);
                    }
                    if (attempt < RETRIES) {
                        return askType(protocol, io, attempt + 1);
                    }
                    Matcher m = NAME_MODEL.matcher(io.name());
                    return CompletableFuture.completedFuture(new Identification(protocol, m.find() ? m.group(1) : ""));
                });
    }

    /** The identifier from a {@code DeviceType;} reply: the type, or {@code EI-FW3} for Flexer fw 3+. */
    static String model(String reply) {
        String[] parts = reply.split(":");
        if (parts.length < 2) {
            return "lovense";
        }
        int version;
        try {
            version = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            version = 0;
        }
        return parts[0].equals("EI") && version >= 3 ? "EI-FW3" : parts[0];
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        model = definition.identifier();
        int vibrators = 0;
        for (var f : definition.features()) {
            var outputs = f.feature().outputs();
            if (outputs.containsKey(OutputType.VIBRATE) || outputs.containsKey(OutputType.OSCILLATE)) {
                vibrators++;
            }
        }
        int outputs = definition.countOutputFeatures();
        int vibrate = definition.countOutputs(OutputType.VIBRATE);
        if (model.equals("BA") || model.equals("H")) {
            mode = Mode.STROKER;
            zeroRange = model.equals("H");
            strokerLoop(io);
        } else if (outputs == 1) {
            mode = Mode.SINGLE;
        } else if (outputs == 2 && vibrate == 1 && definition.countOutputs(OutputType.CONSTRICT) == 1) {
            mode = Mode.MAX;
        } else if (outputs == 2 && vibrate == 1 && definition.countOutputs(OutputType.ROTATE) == 1) {
            mode = Mode.ROTATE_VIBRATOR;
        } else if ((vibrators == 2 && outputs > 2) || vibrators > 2) {
            mode = Mode.MULTI;
            mply = new int[outputs];
        } else {
            mode = Mode.DUAL;
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Strokers take positions: every 100 ms the loop moves {@code FSetSite:<pos>;} one step toward
     * the goal, in {@code duration/100} steps; it ends when a write fails (device gone).
     */
    private void strokerLoop(HardwareIo io) {
        if (!io.isConnected()) {
            return;
        }
        int goal;
        long duration;
        synchronized (this) {
            goal = goalPosition;
            duration = goalDuration;
        }
        if (goal != lastGoal) {
            lastGoal = goal;
            long steps = Math.max(duration / 100, 1);
            moveAmount = (int) ((goal - currentPosition) / steps);
            if (moveAmount == 0) {
                moveAmount = Integer.signum(goal - currentPosition);
            }
        }
        CompletableFuture<Void> write = CompletableFuture.completedFuture(null);
        if (currentPosition != lastGoal) {
            currentPosition += moveAmount;
            if (moveAmount < 0 ? currentPosition < lastGoal : currentPosition > lastGoal) {
                currentPosition = lastGoal;
            }
            write = io.write(Endpoint.TX, ascii("FSetSite:" + currentPosition + ";"), false);
        }
        write.thenRunAsync(() -> strokerLoop(io),
                CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        if (mode != Mode.STROKER) {
            throw ProtocolHandler.unsupported("HwPositionWithDuration");
        }
        synchronized (this) {
            goalPosition = position;
            goalDuration = durationMs;
        }
        return List.of();
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return switch (mode) {
            case SINGLE, MAX, ROTATE_VIBRATOR -> send(featureIndex, "Vibrate:" + speed + ";");
            case DUAL -> send(featureIndex, "Vibrate" + (featureIndex + 1) + ":" + speed + ";");
            case MULTI -> multiply(featureIndex, speed);
            case STROKER -> throw ProtocolHandler.unsupported("Vibrate");
        };
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return switch (mode) {
            case SINGLE, MAX -> send(featureIndex, "Vibrate:" + speed + ";");
            case DUAL -> send(featureIndex, "Vibrate" + (featureIndex + 1) + ":" + speed + ";");
            case STROKER -> send(featureIndex, "Mply:" + speed + ":" + (speed == 0 && zeroRange ? 0 : 20) + ";");
            case MULTI, ROTATE_VIBRATOR -> throw ProtocolHandler.unsupported("Oscillate");
        };
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        if (mode == Mode.MULTI) {
            return multiply(featureIndex, Math.abs(speed));
        }
        if (mode != Mode.ROTATE_VIBRATOR) {
            throw ProtocolHandler.unsupported("Rotate");
        }
        List<HardwareCommand> out = new ArrayList<>(2);
        if (speed < 0) {
            out.add(new HardwareCommand.Write(Endpoint.TX, ascii("RotateChange;"), false, DIRECTION_GROUP));
        }
        out.add(new HardwareCommand.Write(Endpoint.TX, ascii("Rotate:" + Math.abs(speed) + ";"), false, ROTATE_GROUP));
        return out;
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        if (mode != Mode.MAX) {
            throw ProtocolHandler.unsupported("Constrict");
        }
        return send(featureIndex, "Air:Level:" + level + ";");
    }

    private List<HardwareCommand> multiply(int featureIndex, int value) {
        if (featureIndex >= mply.length) {
            throw new ButtplugDeviceException("Lovense " + model + " has no output " + featureIndex);
        }
        mply[featureIndex] = value;
        StringBuilder sb = new StringBuilder("Mply");
        for (int v : mply) {
            sb.append(':').append(v);
        }
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, ascii(sb.append(';').toString()), false));
    }

    @Override
    public CompletableFuture<Integer> readInput(HardwareIo io, int featureIndex, InputType type) {
        if (type != InputType.BATTERY) {
            return ProtocolHandler.super.readInput(io, featureIndex, type);
        }
        long deadline = System.nanoTime() + BATTERY_TIMEOUT.toNanos();
        CompletableFuture<byte[]> reply = io.nextNotification(Endpoint.RX, BATTERY_TIMEOUT);
        return io.write(Endpoint.TX, ascii("Battery;"), false)
                .thenCompose(v -> awaitBattery(io, reply, deadline, new ArrayList<>()));
    }

    /**
     * The level from the first battery-shaped reply on {@code rx}. Replies that are not one (a late
     * {@code OK;} of an earlier command, for example) are skipped, at most {@link #MAX_SKIPPED} of
     * them and only until {@link #BATTERY_TIMEOUT} has passed since the request.
     */
    private static CompletableFuture<Integer> awaitBattery(HardwareIo io, CompletableFuture<byte[]> reply, long deadline,
                                                           List<String> skipped) {
        return reply.exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e) instanceof TimeoutException
                        ? new ButtplugDeviceException("Lovense sent no battery reply within " + BATTERY_TIMEOUT.toMillis()
                                + " ms" + (skipped.isEmpty() ? "" : " (only " + skipped + ")"))
                        : e))
                .thenCompose(data -> {
                    OptionalInt level = batteryLevel(data);
                    if (level.isPresent()) {
                        return CompletableFuture.completedFuture(level.getAsInt());
                    }
                    skipped.add(new String(data, StandardCharsets.UTF_8).trim());
                    long left = deadline - System.nanoTime();
                    if (skipped.size() >= MAX_SKIPPED || left <= 0) {
                        return CompletableFuture.failedFuture(new ButtplugDeviceException(
                                "Lovense battery reply not understood: got only " + skipped));
                    }
                    return awaitBattery(io, io.nextNotification(Endpoint.RX, Duration.ofNanos(left)), deadline, skipped);
                });
    }

    /** The level of a battery reply such as {@code 85;} or {@code s85;}, or empty when it is not one. */
    static OptionalInt batteryLevel(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8).trim();
        int start = s.startsWith("s") ? 1 : 0;
        int end = s.endsWith(";") ? s.length() - 1 : s.length();
        if (end <= start) {
            return OptionalInt.empty();
        }
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        try {
            int level = Integer.parseInt(s.substring(start, end));
            return level <= 255 ? OptionalInt.of(level) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static List<HardwareCommand> send(int featureIndex, String command) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, ascii(command), false));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
