package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.btle.config.ProtocolDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Simulated toys of many protocol families, for demos and {@code serve --simulate}: each
 * advertises like the real toy (name, manufacturer data), has the GATT layout of its protocol in the
 * device configuration and answers its protocol's handshake, so commands go through the real
 * protocol handlers.
 *
 * <pre>{@code
 * DeviceSource toys = SimulatedBle.source(List.of("lovense", "wevibe"));   // for a DeviceManager
 * // or, to choose the configuration, executor or batching window:
 * SimulatedAdapter adapter = SimulatedBle.adapter(List.of("lovense", "wevibe"));
 * DeviceSource source = new BleDeviceSource(adapter, DeviceConfiguration.bundled());
 * }</pre>
 */
public final class SimulatedBle {

    /** One kind of simulated toy: short name, protocol id, advertised name, readable values. */
    private record Kind(String shortName, String protocol, String advertisedName, String lovenseType,
                        Map<Integer, byte[]> manufacturerData, Map<Endpoint, byte[]> readable) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        add(new Kind("lovense", "lovense", "LVS-Z36", "Z", Map.of(), Map.of()));
        add(new Kind("lovense-edge", "lovense", "LVS-P36", "P", Map.of(), Map.of()));
        add(new Kind("lovense-nora", "lovense", "LVS-A011", "A", Map.of(), Map.of()));
        add(new Kind("lovense-max", "lovense", "LVS-B011", "B", Map.of(), Map.of()));
        add(new Kind("wevibe", "wevibe", "4plus", null, Map.of(), Map.of()));
        add(new Kind("wevibe-8bit", "wevibe-8bit", "Moxie", null, Map.of(), Map.of()));
        add(new Kind("satisfyer", "satisfyer", "SF Double Joy", null,
                Map.of(93, new byte[] {0, 0, 0x27, (byte) 0xb0}), Map.of()));
        add(new Kind("magic-motion", "magic-motion-1", "Smart Bean", null, Map.of(), Map.of()));
        add(new Kind("svakom", "svakom-v1", "Emma NEO", null, Map.of(), Map.of()));
        add(new Kind("vorze", "vorze-sa", "CycSA", null, Map.of(), Map.of()));
        add(new Kind("hismith", "hismith", "HISMITH", null, Map.of(), Map.of(Endpoint.RXBLEMODEL, new byte[] {0x10, 0x01})));
        add(new Kind("lelo", "lelo-f1sv2", "F1SV2A", null, Map.of(), Map.of()));
        add(new Kind("kiiroo", "kiiroo-spot", "SPOT W1", null, Map.of(), Map.of()));
        add(new Kind("aneros", "aneros", "Massage Demo", null, Map.of(), Map.of()));
        add(new Kind("lovehoney", "lovehoney-desire", "PROSTATE VIBE", null, Map.of(), Map.of()));
        add(new Kind("joyhub", "joyhub", "J-Melody", null, Map.of(), Map.of()));
        add(new Kind("galaku", "galaku", "GX85", null, Map.of(), Map.of()));
    }

    private static void add(Kind kind) {
        KINDS.put(kind.shortName(), kind);
    }

    private SimulatedBle() {
    }

    /**
     * The short names {@link #adapter} accepts, e.g. {@code lovense}, {@code wevibe}.
     *
     * @return the short names, in a stable order
     */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /**
     * A device source of simulated toys driven through their real protocol handlers: one toy per
     * name, the bundled configuration, the common pool. Closing the source closes its adapter.
     *
     * @param names short names from {@link #names()}, case-insensitive; a name may repeat
     * @return a device source not yet started
     * @throws IllegalArgumentException on an unknown name
     */
    public static DeviceSource source(List<String> names) {
        SimulatedAdapter adapter = adapter(names);
        BleDeviceSource ble = new BleDeviceSource(adapter, DeviceConfiguration.bundled());
        return new DeviceSource() {
            @Override
            public String name() {
                return "simulated BLE";
            }

            @Override
            public void start(DeviceSourceListener listener) {
                ble.start(listener);
            }

            @Override
            public CompletableFuture<Void> startScanning() {
                return ble.startScanning();
            }

            @Override
            public CompletableFuture<Void> stopScanning() {
                return ble.stopScanning();
            }

            @Override
            public void close() {
                // the stop commands first, then the toys' links
                ble.closeAsync().orTimeout(5, TimeUnit.SECONDS).whenComplete((v, e) -> adapter.close());
            }
        };
    }

    /**
     * An adapter with one toy per name, using the bundled configuration and the common pool.
     *
     * @param names short names from {@link #names()}, case-insensitive; a name may repeat
     * @return the adapter
     * @throws IllegalArgumentException on an unknown name
     */
    public static SimulatedAdapter adapter(List<String> names) {
        return adapter(names, DeviceConfiguration.bundled(), ForkJoinPool.commonPool());
    }

    /**
     * An adapter with one toy per name (a name may repeat: each toy gets its own address).
     *
     * @param names short names from {@link #names()}, case-insensitive
     * @param configuration gives each toy's GATT layout and name
     * @param executor runs scan reports and the toys' notifications
     * @return the adapter
     * @throws IllegalArgumentException on an unknown name (the message lists the known ones), or a
     *                                  name whose protocol the configuration lacks
     */
    public static SimulatedAdapter adapter(List<String> names, DeviceConfiguration configuration, Executor executor) {
        List<SimulatedToy> toys = new ArrayList<>();
        int n = 0;
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            Kind kind = KINDS.get(name);
            if (kind == null) {
                throw new IllegalArgumentException("unknown simulated toy '" + raw + "'; known: " + String.join(", ", names()));
            }
            ProtocolDefinition protocol = configuration.protocol(kind.protocol())
                    .filter(p -> p.btle().isPresent())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "the device configuration has no BLE protocol " + kind.protocol()));
            var layout = protocol.btle().get().services();
            String address = String.format("5E:00:00:00:%02X:%02X", n / 256, n % 256);
            n++;
            Advertisement ad = new Advertisement(address, kind.advertisedName(), kind.manufacturerData(), Set.of(),
                    OptionalInt.of(-50));
            String displayName = configuration.definition(kind.protocol(),
                            kind.lovenseType() != null ? kind.lovenseType() : kind.advertisedName(), address)
                    .map(DeviceDefinition::name).orElse(kind.advertisedName());
            toys.add(new SimulatedToy(ad, layout,
                    () -> new ScriptedToy(displayName, kind.protocol(), kind.lovenseType(), kind.readable())));
        }
        return new SimulatedAdapter(toys, executor);
    }
}
