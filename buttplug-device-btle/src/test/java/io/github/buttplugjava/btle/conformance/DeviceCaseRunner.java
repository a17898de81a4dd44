package io.github.buttplugjava.btle.conformance;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.ProtocolDefinition;
import io.github.buttplugjava.btle.protocol.HardwareCommand;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.btle.sim.SimulatedAdapter;
import io.github.buttplugjava.btle.sim.SimulatedPeripheral;
import io.github.buttplugjava.btle.sim.SimulatedToy;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one upstream device test case at the device level, as the reference's v4 client runner
 * does: abstract messages become v4 output commands ({@code ceil(steps * value)}), sent to the
 * device the real {@link BleDeviceSource} built; the recorded endpoint traffic must match exactly.
 */
final class DeviceCaseRunner implements AutoCloseable {

    static final int SPEC_VERSION = 4;
    private static final long WAIT_MS = 2000;
    private static final long ADD_WAIT_MS = 5000;
    private static final Duration BATCH_WINDOW = Duration.ofMillis(20);

    private final String caseName;
    private final Map<String, Object> root;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "case-runner");
        t.setDaemon(true);
        return t;
    });
    private final List<String> addresses = new ArrayList<>();
    private final List<RecordingToy> toys = new ArrayList<>();
    private final Map<String, Device> added = new ConcurrentHashMap<>();
    private final java.util.concurrent.BlockingQueue<Device> addedEvents = new java.util.concurrent.LinkedBlockingQueue<>();
    private final List<CompletableFuture<?>> pendingChecks = new ArrayList<>();
    private SimulatedAdapter adapter;
    private BleDeviceSource source;

    DeviceCaseRunner(String caseName) throws IOException {
        this.caseName = caseName;
        try (InputStream in = resource(caseName + ".yaml")) {
            this.root = CaseYaml.load(in);
        }
    }

    static InputStream resource(String name) {
        InputStream in = DeviceCaseRunner.class.getResourceAsStream("/device-tests/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        return in;
    }

    void run() throws Exception {
        DeviceConfiguration config = DeviceConfiguration.bundled();
        Object userFile = root.get("user_device_config_file");
        if (userFile != null) {
            try (InputStream in = resource("config/" + userFile)) {
                config = config.withUserConfig(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        List<SimulatedToy> simulated = new ArrayList<>();
        List<Map<String, Object>> devices = list(root.get("devices"));
        for (int i = 0; i < devices.size(); i++) {
            Map<String, Object> identifier = map(devices.get(i).get("identifier"));
            String name = String.valueOf(identifier.get("name"));
            String address = identifier.containsKey("address") ? String.valueOf(identifier.get("address")) : "TestDevice" + i;
            Advertisement ad = Advertisement.named(address, name);
            Map<UUID, Map<Endpoint, UUID>> layout = new LinkedHashMap<>();
            for (ProtocolDefinition p : config.protocolsFor(ad)) {
                p.btle().orElseThrow().services().forEach(layout::putIfAbsent);
            }
            assertThat(layout).as("a protocol of the configuration matches the name %s", name).isNotEmpty();
            RecordingToy toy = new RecordingToy();
            toys.add(toy);
            addresses.add(address);
            simulated.add(new SimulatedToy(ad, layout, () -> toy));
        }
        adapter = new SimulatedAdapter(simulated, executor);
        source = new BleDeviceSource(adapter, config, Protocols.builtIn(), executor, BATCH_WINDOW);
        source.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                added.put(device.identifier(), device);
                addedEvents.add(device);
            }

            @Override
            public void deviceRemoved(Device device) {
                added.remove(device.identifier(), device);
            }
        });
        source.startScanning().get(WAIT_MS, TimeUnit.MILLISECONDS);

        if (root.get("device_init") != null) {
            for (Tagged step : gated(list(root.get("device_init")))) {
                runStep(step, true);
            }
        }
        awaitDevices(devices);
        for (Tagged step : gated(list(root.get("device_commands")))) {
            runStep(step, false);
        }
        for (CompletableFuture<?> check : pendingChecks) {
            check.get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void awaitDevices(List<Map<String, Object>> devices) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ADD_WAIT_MS);
        while (added.size() < devices.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || addedEvents.poll(left, TimeUnit.NANOSECONDS) == null) {
                break;
            }
        }
        assertThat(added.keySet()).as("devices added").containsExactlyInAnyOrderElementsOf(addresses);
        for (int i = 0; i < devices.size(); i++) {
            Device d = added.get(addresses.get(i));
            Object expectedName = devices.get(i).get("expected_name");
            if (expectedName != null) {
                assertThat(d.name()).as("device name").isEqualTo(expectedName);
            }
            Object expectedDisplay = devices.get(i).get("expected_display_name");
            if (expectedDisplay != null) {
                assertThat(d.displayName()).as("display name").contains(String.valueOf(expectedDisplay));
            }
        }
    }

    private static List<Tagged> gated(List<Object> steps) {
        List<Tagged> out = new ArrayList<>();
        for (Object o : steps) {
            Tagged t = (Tagged) o;
            if (t.tag().equals("VersionGated")) {
                Map<String, Object> m = map(t.value());
                if (SPEC_VERSION >= ((Number) m.get("min_spec_version")).intValue()) {
                    out.addAll(gated(list(m.get("commands"))));
                }
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private void runStep(Tagged step, boolean init) throws Exception {
        Map<String, Object> body = map(step.value());
        int index = ((Number) body.get("device_index")).intValue();
        switch (step.tag()) {
            case "Commands" -> expectCommands(index, list(body.get("commands")));
            case "Events" -> feedEvents(index, list(body.get("events")));
            case "Messages" -> {
                assertThat(init).as("messages during initialisation").isFalse();
                Device device = added.get(addresses.get(index));
                for (Object m : list(body.get("messages"))) {
                    sendMessage(device, (Tagged) m);
                }
            }
            default -> throw new IllegalArgumentException("unknown test step " + step.tag());
        }
    }

    private void expectCommands(int index, List<Object> commands) throws InterruptedException {
        RecordingToy toy = toys.get(index);
        for (Object o : commands) {
            HardwareCommand expected = command((Tagged) o);
            HardwareCommand actual = toy.recorded.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            assertThat(actual).as("device %d: expected %s", index, expected).isNotNull();
            assertThat(actual).as("device %d endpoint traffic", index).isEqualTo(expected);
        }
    }

    private static HardwareCommand command(Tagged t) {
        Map<String, Object> m = map(t.value());
        Endpoint endpoint = Endpoint.fromConfigName(String.valueOf(m.get("endpoint"))).orElseThrow();
        return switch (t.tag()) {
            case "Write" -> new HardwareCommand.Write(endpoint, bytes(list(m.get("data"))),
                    Boolean.TRUE.equals(m.get("write_with_response")), 0);
            case "Subscribe" -> new HardwareCommand.Subscribe(endpoint);
            case "Unsubscribe" -> new HardwareCommand.Unsubscribe(endpoint);
            default -> throw new IllegalArgumentException("unknown hardware command " + t.tag());
        };
    }

    private void feedEvents(int index, List<Object> events) throws Exception {
        for (Object o : events) {
            Tagged t = (Tagged) o;
            SimulatedPeripheral p = t.tag().equals("Reads") ? null
                    : adapter.whenConnected(addresses.get(index)).get(WAIT_MS, TimeUnit.MILLISECONDS);
            switch (t.tag()) {
                case "Notifications" -> {
                    for (Object n : list(t.value())) {
                        Map<String, Object> m = map(n);
                        p.notify(Endpoint.fromConfigName(String.valueOf(m.get("endpoint"))).orElseThrow(),
                                bytes(list(m.get("data"))));
                    }
                }
                case "Reads" -> {
                    for (Object n : list(t.value())) {
                        Map<String, Object> m = map(n);
                        toys.get(index).addRead(Endpoint.fromConfigName(String.valueOf(m.get("endpoint"))).orElseThrow(),
                                bytes(list(m.get("data"))));
                    }
                }
                case "Disconnect" -> p.disconnect();
                default -> throw new IllegalArgumentException("unknown event " + t.tag());
            }
        }
    }

    private void sendMessage(Device device, Tagged message) throws Exception {
        List<CompletableFuture<?>> futures = new ArrayList<>();
        switch (message.tag()) {
            case "Vibrate" -> {
                List<DeviceFeature> vibes = withOutput(device, OutputType.VIBRATE);
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    DeviceFeature f = vibes.get(((Number) m.get("Index")).intValue());
                    futures.add(output(device, f, OutputType.VIBRATE, number(m.get("Speed"))));
                }
            }
            case "Scalar" -> {
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    DeviceFeature f = scalarFeature(device, ((Number) m.get("Index")).intValue());
                    OutputType type = OutputType.fromWireName(String.valueOf(m.get("ActuatorType"))).orElseThrow();
                    futures.add(output(device, f, type, number(m.get("Scalar"))));
                }
            }
            case "Rotate" -> {
                List<DeviceFeature> rotators = withOutput(device, OutputType.ROTATE);
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    DeviceFeature f = rotators.get(((Number) m.get("Index")).intValue());
                    double speed = number(m.get("Speed")) * (Boolean.TRUE.equals(m.get("Clockwise")) ? 1 : -1);
                    futures.add(output(device, f, OutputType.ROTATE, speed));
                }
            }
            case "Linear" -> {
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    DeviceFeature f = feature(device, ((Number) m.get("Index")).intValue());
                    OutputLimits limits = f.output(OutputType.HW_POSITION_WITH_DURATION).orElseThrow();
                    int position = (int) Math.ceil(number(m.get("Position")) * limits.steps());
                    futures.add(device.output(f.featureIndex(), OutputCommand.positionWithDuration(position,
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
                    pendingChecks.add(check);
                } else {
                    futures.add(check);
                }
            }
            case "Stop" -> futures.add(device.stop());
            default -> throw new UnsupportedOperationException("test message " + message.tag() + " is not supported");
        }
        for (CompletableFuture<?> f : futures) {
            f.get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
    }

    private static CompletableFuture<Void> output(Device device, DeviceFeature f, OutputType type, double value) {
        int steps = f.output(type).orElseThrow(() -> new AssertionError("feature " + f.featureIndex()
                + " has no " + type.wireName())).steps();
        double v = value * steps;
        int step = (int) (v > 0.000001 ? Math.ceil(v) : Math.floor(v));
        return device.output(f.featureIndex(), OutputCommand.of(type, step));
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

    private static DeviceFeature feature(Device device, int index) {
        return device.features().stream().filter(f -> f.featureIndex() == index).findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + index));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return o == null ? List.of() : (List<T>) o;
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    private static byte[] bytes(List<Object> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((Number) values.get(i)).intValue();
        }
        return out;
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return caseName;
    }
}
