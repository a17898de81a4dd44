package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.message.OutputType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lovense: ASCII commands on {@code tx}, replies on {@code rx}. Identifies the model with
 * {@code DeviceType;} (reply {@code type:firmware:mac;}), falling back to the BLE name, then picks
 * one handler per command shape from the model's definition: {@link LovenseSingle}
 * ({@code Vibrate:s;}), {@link LovenseDual} ({@code VibrateN:s;}), {@link LovenseMulti}
 * ({@code Mply:a:b:..;}), {@link LovenseRotateVibrator} ({@code Rotate:s;}, {@code RotateChange;}),
 * {@link LovenseMax} ({@code Air:Level:s;}) and {@link LovenseStroker} (Solace: {@code Mply:speed:range;}
 * and {@code FSetSite:<pos>;} steps). Every mode reads the battery the same way ({@link LovenseBattery}).
 */
final class Lovense {

    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(500);
    private static final int RETRIES = 5;
    private static final Pattern NAME_MODEL = Pattern.compile("LVS-([A-Z]+)\\d+");

    private Lovense() {
    }

    /** The factory: identification by {@code DeviceType;}, then the handler of the definition's mode. */
    static ProtocolFactory factory() {
        return ProtocolFactory.of(Lovense::identify, Lovense::handlerFor);
    }

    /** Asks {@code DeviceType;} (up to 5 retries of 500 ms), else takes the model from the BLE name. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return io.subscribe(Endpoint.RX).thenCompose(v -> askType(protocol, io, 0));
    }

    private static CompletableFuture<Identification> askType(String protocol, HardwareIo io, int attempt) {
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

    /**
     * The handler of a model's command shape: Solace (BA, H) is a stroker; one output takes
     * {@code Vibrate:}; a vibrator with a constrictor is a Max, with a rotator a Nora; three or more
     * outputs with two or more vibrators take {@code Mply}; the rest {@code VibrateN:}.
     */
    static ProtocolHandler handlerFor(DeviceDefinition definition) {
        String model = definition.identifier();
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
            return new LovenseStroker(model.equals("H"));
        } else if (outputs == 1) {
            return new LovenseSingle();
        } else if (outputs == 2 && vibrate == 1 && definition.countOutputs(OutputType.CONSTRICT) == 1) {
            return new LovenseMax();
        } else if (outputs == 2 && vibrate == 1 && definition.countOutputs(OutputType.ROTATE) == 1) {
            return new LovenseRotateVibrator();
        } else if ((vibrators == 2 && outputs > 2) || vibrators > 2) {
            return new LovenseMulti(model, outputs);
        }
        return new LovenseDual();
    }

    /** One ASCII command that sets feature {@code featureIndex}. */
    static List<HardwareCommand> send(int featureIndex, String command) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, ascii(command), false));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
