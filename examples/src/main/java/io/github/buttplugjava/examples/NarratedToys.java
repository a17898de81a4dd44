package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.device.ForwardingDevice;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * For the demo: a device source that reports every command as the toy itself receives it (after
 * the hub, the agent and the grant), so the narration shows what really reaches the hardware.
 */
final class NarratedToys implements DeviceSource {

    private final DeviceSource toys;
    private final Consumer<String> say;
    private String last;

    NarratedToys(DeviceSource toys, Consumer<String> say) {
        this.toys = toys;
        this.say = say;
    }

    @Override
    public String name() {
        return toys.name();
    }

    @Override
    public void start(DeviceSourceListener listener) {
        toys.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                listener.deviceAdded(new Narrated(device));
            }

            @Override
            public void deviceRemoved(Device device) {
                listener.deviceRemoved(new Narrated(device));
            }

            @Override
            public void scanningFinished() {
                listener.scanningFinished();
            }
        });
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        return toys.startScanning();
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return toys.stopScanning();
    }

    @Override
    public void close() {
        toys.close();
    }

    /** Tells a line, unless it only repeats the previous one (a second Stop changes nothing). */
    private synchronized void tell(String line) {
        if (!line.equals(last)) {
            say.accept(line);
        }
        last = line;
    }

    /**
     * Same identity as the toy (equal by identifier), so removals match additions. Narrates
     * outputs, reads and stops; every other call goes to the toy unchanged.
     */
    private final class Narrated extends ForwardingDevice {

        Narrated(Device toy) {
            super(toy);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Narrated n && n.delegate().equals(delegate());
        }

        @Override
        public int hashCode() {
            return delegate().hashCode();
        }

        @Override
        public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
            String range = features().stream().filter(f -> f.featureIndex() == featureIndex).findFirst()
                    .flatMap(f -> f.output(command.type())).map(OutputLimits::value)
                    .map(r -> " of " + r.max() + " (" + Math.round(100.0 * command.value() / Math.max(1, r.max())) + " %)")
                    .orElse("");
            tell("motor " + (featureIndex + 1) + " \u2190 " + command.type().wireName() + " " + command.value() + range);
            return super.output(featureIndex, command);
        }

        @Override
        public CompletableFuture<Integer> read(int featureIndex, InputType type) {
            tell("\u2190 read " + type.wireName());
            return super.read(featureIndex, type);
        }

        @Override
        public CompletableFuture<Void> stop() {
            tell("\u2190 Stop (every motor off)");
            return super.stop();
        }
    }
}
