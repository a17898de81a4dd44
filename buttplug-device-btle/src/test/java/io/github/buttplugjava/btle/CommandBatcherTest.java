package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.protocol.HardwareCommand;
import io.github.buttplugjava.btle.sim.SimulatedPeripheral;
import io.github.buttplugjava.btle.sim.ToyBehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The batching rules of a device's command writer, and endpoint binding over alternative layouts. */
class CommandBatcherTest {

    private static final UUID SERVICE_A = UUID.fromString("0000fff0-0000-1000-8000-00805f9b34fb");
    private static final UUID TX_A = UUID.fromString("0000fff2-0000-1000-8000-00805f9b34fb");
    private static final UUID SERVICE_B = UUID.fromString("6e400001-b5a3-f393-e0a9-e50e24dcca9e");
    private static final UUID TX_B = UUID.fromString("6e400002-b5a3-f393-e0a9-e50e24dcca9e");

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final java.util.concurrent.ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<byte[]> writes = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    private PeripheralHardware hardware(Map<UUID, Map<Endpoint, UUID>> layout, BtleSpecifier specifier) {
        SimulatedPeripheral p = new SimulatedPeripheral("a", "toy", layout, new ToyBehaviour() {
            @Override
            public void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
                writes.add(data);
            }
        }, executor);
        return PeripheralHardware.bind(p, Advertisement.named("a", "toy"), specifier);
    }

    private static BtleSpecifier twoLayouts() {
        return new BtleSpecifier(List.of("toy"), List.of(), Set.of(),
                Map.of(SERVICE_A, Map.of(Endpoint.TX, TX_A), SERVICE_B, Map.of(Endpoint.TX, TX_B)));
    }

    @Test
    void laterWritesOfAnOverlappingGroupReplacePendingOnes() throws Exception {
        PeripheralHardware hw = hardware(Map.of(SERVICE_A, Map.of(Endpoint.TX, TX_A)), twoLayouts());
        CommandBatcher batcher = new CommandBatcher(hw, executor, scheduler, System::nanoTime, 50);
        batcher.submit(List.of(HardwareCommand.writeDevice(Endpoint.TX, new byte[] {1}, false)));
        batcher.submit(List.of(HardwareCommand.write(0, Endpoint.TX, new byte[] {2}, false)));
        batcher.submitAndWait(List.of(HardwareCommand.writeDevice(Endpoint.TX, new byte[] {3}, false)))
                .get(2, TimeUnit.SECONDS);
        // {1} was replaced by {3} (same device group); {2} sets another group and stays, in order
        assertThat(writes.poll(1, TimeUnit.SECONDS)).containsExactly(2);
        assertThat(writes.poll(1, TimeUnit.SECONDS)).containsExactly(3);
        assertThat(writes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void writesOfOtherGroupsAndOfOneCallStayInOrder() throws Exception {
        PeripheralHardware hw = hardware(Map.of(SERVICE_A, Map.of(Endpoint.TX, TX_A)), twoLayouts());
        CommandBatcher batcher = new CommandBatcher(hw, executor, scheduler, System::nanoTime, 50);
        batcher.submit(List.of(HardwareCommand.write(0, Endpoint.TX, new byte[] {1}, false),
                HardwareCommand.write(0, Endpoint.TX, new byte[] {2}, false)));
        batcher.submitAndWait(List.of(HardwareCommand.write(1, Endpoint.TX, new byte[] {3}, false)))
                .get(2, TimeUnit.SECONDS);
        assertThat(List.of(writes.take()[0], writes.take()[0], writes.take()[0])).containsExactly((byte) 1, (byte) 2, (byte) 3);
    }

    @Test
    void withoutAWindowEachSubmissionIsWrittenAtOnce() throws Exception {
        PeripheralHardware hw = hardware(Map.of(SERVICE_A, Map.of(Endpoint.TX, TX_A)), twoLayouts());
        CommandBatcher batcher = new CommandBatcher(hw, executor, scheduler, System::nanoTime, 0);
        batcher.submitAndWait(List.of(HardwareCommand.writeDevice(Endpoint.TX, new byte[] {1}, false))).get(2, TimeUnit.SECONDS);
        batcher.submitAndWait(List.of(HardwareCommand.writeDevice(Endpoint.TX, new byte[] {2}, false))).get(2, TimeUnit.SECONDS);
        assertThat(List.of(writes.take()[0], writes.take()[0])).containsExactly((byte) 1, (byte) 2);
    }

    @Test
    void endpointsBindToWhicheverListedLayoutTheDeviceHas() throws Exception {
        PeripheralHardware onlyB = hardware(Map.of(SERVICE_B, Map.of(Endpoint.TX, TX_B)), twoLayouts());
        assertThat(onlyB.hasEndpoint(Endpoint.TX)).isTrue();
        assertThat(onlyB.hasEndpoint(Endpoint.RX)).isFalse();
        onlyB.write(Endpoint.TX, new byte[] {9}, false).get(1, TimeUnit.SECONDS);
        assertThat(writes.poll(1, TimeUnit.SECONDS)).containsExactly(9);
        assertThat(onlyB.write(Endpoint.RX, new byte[] {1}, false)).isCompletedExceptionally();
        UUID other = UUID.fromString("0000abcd-0000-1000-8000-00805f9b34fb");
        assertThat(hardware(Map.of(other, Map.of(Endpoint.TX, other)), twoLayouts())).isNull();
    }

    @Test
    void aSlowDeviceNeverBuildsABacklogTheLatestValueWins() throws Exception {
        java.util.concurrent.CompletableFuture<Void> firstWrite = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        SimulatedPeripheral slow = new SimulatedPeripheral("a", "toy", Map.of(SERVICE_A, Map.of(Endpoint.TX, TX_A)),
                new ToyBehaviour() {
                    @Override
                    public void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
                        writes.add(data);
                        if (written.incrementAndGet() == 1) {
                            // the radio is busy with the first write until the test lets it finish
                            try {
                                firstWrite.get(5, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }, executor);
        PeripheralHardware hw = PeripheralHardware.bind(slow, Advertisement.named("a", "toy"), twoLayouts());
        CommandBatcher batcher = new CommandBatcher(hw, executor, scheduler, System::nanoTime, 0);
        // the simulated radio writes on the caller's thread: start the first write on another one
        executor.execute(() -> batcher.submit(List.of(HardwareCommand.writeDevice(Endpoint.TX, new byte[] {0}, false))));
        assertThat(writes.poll(2, TimeUnit.SECONDS)).containsExactly(0);
        java.util.concurrent.CompletableFuture<Void> last = null;
        for (int i = 1; i <= 100; i++) {
            last = batcher.submitAndWait(List.of(HardwareCommand.writeDevice(Endpoint.TX, new byte[] {(byte) i}, false)));
        }
        firstWrite.complete(null);
        last.get(2, TimeUnit.SECONDS);
        // 100 commands arrived while the first was being written: one write follows, with the latest value
        assertThat(writes.poll(2, TimeUnit.SECONDS)).containsExactly(100);
        assertThat(writes.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(written.get()).isEqualTo(2);
    }
}
