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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.btle.conformance.Yaml.bytes;
import static io.github.buttplugjava.btle.conformance.Yaml.list;
import static io.github.buttplugjava.btle.conformance.Yaml.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one upstream device test case through the real {@link DeviceConfiguration}, protocol handlers
 * and {@link BleDeviceSource} over recording simulated peripherals; a {@link CaseDriver} delivers
 * the abstract messages (at the device level, or through a server for a client version). The
 * recorded endpoint traffic must match the case exactly, in order.
 */
final class DeviceCaseRunner implements AutoCloseable {

    private static final long WAIT_MS = 2000;
    private static final long ADD_WAIT_MS = 5000;

    private final String directory;
    private final String caseName;
    private final CaseDriver driver;
    private final Map<String, Object> root;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "case-runner");
        t.setDaemon(true);
        return t;
    });
    private final List<String> addresses = new ArrayList<>();
    private final List<RecordingToy> toys = new ArrayList<>();
    private final List<CompletableFuture<?>> pendingChecks = new ArrayList<>();
    private SimulatedAdapter adapter;
    private BleDeviceSource source;

    DeviceCaseRunner(String caseName, CaseDriver driver) throws IOException {
        this(UPSTREAM_CASES, caseName, driver);
    }

    /**
     * A runner for a case of another test-resource directory in the same format (this project's
     * own cases, {@value #LOCAL_CASES}); its user configuration files are in that directory's
     * {@code config/}.
     */
    DeviceCaseRunner(String directory, String caseName, CaseDriver driver) throws IOException {
        this.directory = directory;
        this.caseName = caseName;
        this.driver = driver;
        try (InputStream in = resource(directory, caseName + ".yaml")) {
            this.root = CaseYaml.load(in);
        }
    }

    /** The upstream cases, copied verbatim. */
    static final String UPSTREAM_CASES = "device-tests";
    /** This project's cases in upstream's format, for models upstream has no case for. */
    static final String LOCAL_CASES = "device-tests-local";

    /** The names of the cases in {@code /<directory>} ({@code test_*.yaml} without the suffix), sorted. */
    static List<String> caseNames(String directory) throws IOException, java.net.URISyntaxException {
        java.nio.file.Path dir = java.nio.file.Path.of(DeviceCaseRunner.class.getResource("/" + directory).toURI());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("test_") && n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted().toList();
        }
    }

    /** A test resource under {@code /device-tests}. */
    static InputStream resource(String name) {
        return resource(UPSTREAM_CASES, name);
    }

    /** A test resource under {@code /<directory>}. */
    static InputStream resource(String directory, String name) {
        InputStream in = DeviceCaseRunner.class.getResourceAsStream("/" + directory + "/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        return in;
    }

    void run() throws Exception {
        DeviceConfiguration config = DeviceConfiguration.bundled();
        Object userFile = root.get("user_device_config_file");
        if (userFile != null) {
            try (InputStream in = resource(directory, "config/" + userFile)) {
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
        source = new BleDeviceSource(adapter, config, Protocols.builtIn(), executor, driver.batchWindow());
        driver.start(source);

        if (root.get("device_init") != null) {
            for (Tagged step : gated(list(root.get("device_init")))) {
                runStep(step, true);
            }
        }
        List<CaseDriver.AddedDevice> seen = driver.awaitDevices(devices.size(), ADD_WAIT_MS);
        assertThat(seen).as("devices added").hasSize(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            Object expectedName = devices.get(i).get("expected_name");
            if (expectedName != null) {
                assertThat(seen.get(i).name()).as("device name").isEqualTo(expectedName);
            }
            Object expectedDisplay = devices.get(i).get("expected_display_name");
            if (expectedDisplay != null) {
                assertThat(seen.get(i).displayName()).as("display name").isEqualTo(String.valueOf(expectedDisplay));
            }
        }
        for (Tagged step : gated(list(root.get("device_commands")))) {
            runStep(step, false);
        }
        for (CompletableFuture<?> check : pendingChecks) {
            check.get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
    }

    private List<Tagged> gated(List<Object> steps) {
        List<Tagged> out = new ArrayList<>();
        for (Object o : steps) {
            Tagged t = (Tagged) o;
            if (t.tag().equals("VersionGated")) {
                Map<String, Object> m = map(t.value());
                if (driver.specVersion() >= ((Number) m.get("min_spec_version")).intValue()) {
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
                for (Object m : list(body.get("messages"))) {
                    CompletableFuture<?> pending = driver.send(index, (Tagged) m);
                    if (pending != null) {
                        pendingChecks.add(pending);
                    }
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

    @Override
    public void close() {
        driver.close();
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
