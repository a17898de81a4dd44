package io.github.buttplugjava.btle.conformance;

import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.btle.conformance.Yaml.list;
import static io.github.buttplugjava.btle.conformance.Yaml.map;
import static io.github.buttplugjava.btle.conformance.Yaml.number;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the {@link Device}s of the source directly, as the reference's v4 client runner does. */
final class DeviceDriver implements CaseDriver {

    private static final long WAIT_MS = 2000;
    private final List<Device> devices = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Device> added = new LinkedBlockingQueue<>();

    @Override
    public int specVersion() {
        return 4;
    }

    @Override
    public void start(BleDeviceSource source) throws Exception {
        source.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                devices.add(device);
                added.add(device);
            }

            @Override
            public void deviceRemoved(Device device) {
            }
        });
        source.startScanning().get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public List<AddedDevice> awaitDevices(int count, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (devices.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || added.poll(left, TimeUnit.NANOSECONDS) == null) {
                break;
            }
        }
        List<AddedDevice> out = new ArrayList<>();
        for (Device d : devices) {
            out.add(new AddedDevice(d.name(), d.displayName().orElse(null)));
        }
        return out;
    }

    @Override
    public CompletableFuture<?> send(int index, Tagged message) throws Exception {
        Device device = devices.get(index);
        List<CompletableFuture<?>> futures = new ArrayList<>();
        // the outputs of one message go to the device as one command, as one client message does
        List<FeatureOutput> outputs = new ArrayList<>();
        switch (message.tag()) {
            case "Vibrate" -> {
                List<DeviceFeature> vibes = withOutput(device, OutputType.VIBRATE);
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    DeviceFeature f = vibes.get(((Number) m.get("Index")).intValue());
                    outputs.add(output(f, OutputType.VIBRATE, number(m.get("Speed"))));
                }
            }
            case "Scalar" -> {
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    DeviceFeature f = scalarFeature(device, ((Number) m.get("Index")).intValue());
                    OutputType type = OutputType.fromWireName(String.valueOf(m.get("ActuatorType"))).orElseThrow();
                    outputs.add(output(f, type, number(m.get("Scalar"))));
                }
            }
            case "Rotate" -> {
                List<DeviceFeature> rotators = withOutput(device, OutputType.ROTATE);
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    DeviceFeature f = rotators.get(((Number) m.get("Index")).intValue());
                    double speed = number(m.get("Speed")) * (Boolean.TRUE.equals(m.get("Clockwise")) ? 1 : -1);
                    outputs.add(output(f, OutputType.ROTATE, speed));
                }
            }
            case "Linear" -> {
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    int featureIndex = ((Number) m.get("Index")).intValue();
                    DeviceFeature f = device.features().stream().filter(x -> x.featureIndex() == featureIndex)
                            .findFirst().orElseThrow(() -> new AssertionError("no feature " + featureIndex));
                    OutputLimits limits = f.output(OutputType.HW_POSITION_WITH_DURATION).orElseThrow();
                    int position = (int) Math.ceil(number(m.get("Position")) * limits.steps());
                    outputs.add(new FeatureOutput(f.featureIndex(), OutputCommand.positionWithDuration(position,
                            ((Number) m.get("Duration")).longValue())));
                }
            }
            case "Battery" -> {
                Map<String, Object> m = map(message.value());
                DeviceFeature battery = device.features().stream()
                        .filter(f -> f.input(InputType.BATTERY).isPresent()).findFirst().orElseThrow();
                double expected = number(m.get("expected_power"));
                CompletableFuture<?> check = device.read(battery.featureIndex(), InputType.BATTERY)
                        .thenAccept(level -> assertThat(level / 100.0).as("battery").isEqualTo(expected));
                if (Boolean.TRUE.equals(m.get("run_async"))) {
                    return check;
                }
                futures.add(check);
            }
            case "Stop" -> futures.add(device.stop());
            default -> throw new UnsupportedOperationException("test message " + message.tag() + " is not supported");
        }
        if (!outputs.isEmpty()) {
            futures.add(device.outputs(outputs));
        }
        for (CompletableFuture<?> f : futures) {
            f.get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
        return null;
    }

    private static FeatureOutput output(DeviceFeature f, OutputType type, double value) {
        int steps = f.output(type).orElseThrow(() -> new AssertionError("feature " + f.featureIndex()
                + " has no " + type.wireName())).steps();
        return new FeatureOutput(f.featureIndex(), OutputCommand.of(type, Yaml.steps(value, steps)));
    }

    private static List<DeviceFeature> withOutput(Device device, OutputType type) {
        return device.features().stream().filter(f -> f.output(type).isPresent()).toList();
    }

    /** The reference's scalar index: features with vibrate, oscillate, constrict or unsigned rotate. */
    private static DeviceFeature scalarFeature(Device device, int index) {
        List<DeviceFeature> scalars = device.features().stream().filter(f ->
                f.output(OutputType.VIBRATE).isPresent() || f.output(OutputType.OSCILLATE).isPresent()
                        || f.output(OutputType.CONSTRICT).isPresent()
                        || f.output(OutputType.ROTATE).map(l -> l.value().min() >= 0).orElse(false)).toList();
        return index < scalars.size() ? scalars.get(index) : device.features().get(0);
    }

    @Override
    public void close() {
    }
}
