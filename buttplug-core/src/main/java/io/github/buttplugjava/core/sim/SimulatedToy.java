package io.github.buttplugjava.core.sim;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The description of one kind of simulated toy: a short name (as the CLI takes it), the device
 * name, a timing gap, its v4 features and its starting battery level.
 *
 * <p>The catalogue ({@link #names()}, {@link #named(String)}): {@code lovense} (Lovense Hush, one
 * vibrator, battery read and subscribe, RSSI), {@code edge} (Lovense Edge, two vibrators),
 * {@code wevibe} (We-Vibe Sync, two vibrators), {@code vibrator}, {@code vibrator2},
 * {@code vibrator3} (one to three motors), {@code rotator} (signed rotation), {@code stroker}
 * (Position and HwPositionWithDuration, battery subscribe), {@code oscillator} and {@code max}
 * (vibrate and constrict). Vibration ranges are 0..20. Every toy has a battery input.
 *
 * @param shortName    the catalogue name, lower case
 * @param name         the device name advertised to clients
 * @param timingGapMs  least time between commands, ms (0 = none)
 * @param features     the v4 features, indices 0..n-1
 * @param batteryLevel starting battery percent
 */
public record SimulatedToy(String shortName, String name, long timingGapMs,
                           List<DeviceFeature> features, int batteryLevel) {

    private static final Map<String, Supplier<SimulatedToy>> CATALOGUE = catalogue();

    /**
     * @param shortName the catalogue name, lower case
     * @param name the device name advertised to clients
     * @param timingGapMs least time between commands, ms (0 = none)
     * @param features the v4 features, indices 0..n-1
     * @param batteryLevel starting battery percent
     * @throws IllegalArgumentException on a negative gap or a battery level outside 0..100
     */
    public SimulatedToy {
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        if (timingGapMs < 0 || batteryLevel < 0 || batteryLevel > 100) {
            throw new IllegalArgumentException("bad timing gap or battery level");
        }
    }

    /**
     * The catalogue's short names, in a stable order.
     *
     * @return the short names, e.g. {@code "lovense"}, unmodifiable
     */
    public static List<String> names() {
        return List.copyOf(CATALOGUE.keySet());
    }

    /**
     * The catalogue toy with this short name (case-insensitive).
     *
     * @param shortName a catalogue name, case-insensitive, surrounding blanks ignored
     * @return a fresh description of that toy
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static SimulatedToy named(String shortName) {
        Supplier<SimulatedToy> toy = CATALOGUE.get(shortName.trim().toLowerCase(Locale.ROOT));
        if (toy == null) {
            throw new IllegalArgumentException("Unknown simulated toy '" + shortName + "'; known: "
                    + String.join(", ", CATALOGUE.keySet()));
        }
        return toy.get();
    }

    /**
     * A vibrator with {@code motors} motors of range 0..20 and a battery you can read.
     *
     * @param shortName the catalogue name to give it, lower case
     * @param name the device name advertised to clients
     * @param motors number of vibrators, at least 1
     * @return the description: features 0..motors-1 vibrate, feature {@code motors} is the battery;
     *         battery level 80 %
     * @throws IllegalArgumentException when {@code motors < 1}
     */
    public static SimulatedToy vibrator(String shortName, String name, int motors) {
        if (motors < 1) {
            throw new IllegalArgumentException("a vibrator needs at least one motor");
        }
        List<DeviceFeature> features = new ArrayList<>();
        for (int i = 0; i < motors; i++) {
            features.add(output(i, "Vibrator " + (i + 1), OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))));
        }
        features.add(battery(motors, false));
        return new SimulatedToy(shortName, name, 0, features, 80);
    }

    /**
     * A copy with another timing gap.
     *
     * @param gapMs least time between commands, in ms, at least 0
     * @return this toy with the new gap
     */
    public SimulatedToy withTimingGap(long gapMs) {
        return new SimulatedToy(shortName, name, gapMs, features, batteryLevel);
    }

    /**
     * A copy with another starting battery level.
     *
     * @param percent starting battery level, 0..100
     * @return this toy with the new level
     */
    public SimulatedToy withBatteryLevel(int percent) {
        return new SimulatedToy(shortName, name, timingGapMs, features, percent);
    }

    private static Map<String, Supplier<SimulatedToy>> catalogue() {
        Map<String, Supplier<SimulatedToy>> toys = new LinkedHashMap<>();
        toys.put("lovense", () -> new SimulatedToy("lovense", "Lovense Hush", 0, List.of(
                output(0, "Vibrator", OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))),
                battery(1, true),
                new DeviceFeature(2, "Signal", Map.of(),
                        Map.of(InputType.RSSI, InputLimits.of(new Range(-128, 0), InputCommandType.READ)))), 90));
        toys.put("edge", () -> withSubscribableBattery(vibrator("edge", "Lovense Edge", 2)));
        toys.put("wevibe", () -> vibrator("wevibe", "We-Vibe Sync", 2).withBatteryLevel(75));
        toys.put("vibrator", () -> vibrator("vibrator", "Simulated Vibrator", 1));
        toys.put("vibrator2", () -> vibrator("vibrator2", "Simulated Dual Vibrator", 2));
        toys.put("vibrator3", () -> vibrator("vibrator3", "Simulated Triple Vibrator", 3));
        toys.put("rotator", () -> new SimulatedToy("rotator", "Vorze A10 Cyclone SA", 0, List.of(
                output(0, "Rotator", OutputType.ROTATE, OutputLimits.of(new Range(-20, 20))),
                battery(1, false)), 70));
        toys.put("stroker", () -> new SimulatedToy("stroker", "Kiiroo Keon", 0, List.of(
                new DeviceFeature(0, "Stroker", Map.of(
                        OutputType.POSITION, OutputLimits.of(Range.upTo(100)),
                        OutputType.HW_POSITION_WITH_DURATION, new OutputLimits(Range.upTo(100), Range.upTo(100_000))),
                        Map.of()),
                battery(1, true)), 60));
        toys.put("oscillator", () -> new SimulatedToy("oscillator", "Simulated Oscillator", 0, List.of(
                output(0, "Oscillator", OutputType.OSCILLATE, OutputLimits.of(Range.upTo(20))),
                battery(1, false)), 85));
        toys.put("max", () -> new SimulatedToy("max", "Lovense Max 2", 0, List.of(
                output(0, "Vibrator", OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))),
                output(1, "Air pump", OutputType.CONSTRICT, OutputLimits.of(Range.upTo(3))),
                battery(2, true)), 65));
        return toys;
    }

    private static SimulatedToy withSubscribableBattery(SimulatedToy toy) {
        List<DeviceFeature> features = new ArrayList<>(toy.features());
        int last = features.size() - 1;
        features.set(last, battery(last, true));
        return new SimulatedToy(toy.shortName(), toy.name(), toy.timingGapMs(), features, toy.batteryLevel());
    }

    private static DeviceFeature output(int index, String description, OutputType type, OutputLimits limits) {
        return new DeviceFeature(index, description, Map.of(type, limits), Map.of());
    }

    private static DeviceFeature battery(int index, boolean subscribe) {
        InputLimits limits = subscribe
                ? InputLimits.of(Range.upTo(100), InputCommandType.READ, InputCommandType.SUBSCRIBE)
                : InputLimits.of(Range.upTo(100), InputCommandType.READ);
        return new DeviceFeature(index, "Battery", Map.of(), Map.of(InputType.BATTERY, limits));
    }
}
