package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.device.ForwardingDevice;
import io.github.buttplugjava.core.message.OutputCommand;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A device source that passes another's devices on, except that the one named {@code name}
 * refuses output values above {@code max} with {@code reason}, as a device or its owner might.
 */
final class RefusingSource implements DeviceSource {

    private final DeviceSource inner;
    private final String name;
    private final int max;
    private final String reason;
    private final Map<Device, Device> wrapped = new IdentityHashMap<>();

    RefusingSource(DeviceSource inner, String name, int max, String reason) {
        this.inner = inner;
        this.name = name;
        this.max = max;
        this.reason = reason;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void start(DeviceSourceListener listener) {
        inner.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                listener.deviceAdded(wrap(device));
            }

            @Override
            public void deviceRemoved(Device device) {
                Device d;
                synchronized (wrapped) {
                    d = wrapped.remove(device);
                }
                listener.deviceRemoved(d != null ? d : device);
            }

            @Override
            public void scanningFinished() {
                listener.scanningFinished();
            }
        });
    }

    private Device wrap(Device device) {
        if (!device.name().equals(name)) {
            return device;
        }
        Device refusing = new ForwardingDevice(device) {
            @Override
            public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
                return command.value() > max ? CompletableFuture.failedFuture(new ButtplugDeviceException(reason))
                        : super.output(featureIndex, command);
            }
        };
        synchronized (wrapped) {
            wrapped.put(device, refusing);
        }
        return refusing;
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        return inner.startScanning();
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return inner.stopScanning();
    }

    @Override
    public void close() {
        inner.close();
    }
}
