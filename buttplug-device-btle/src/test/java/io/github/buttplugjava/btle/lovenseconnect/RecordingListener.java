package io.github.buttplugjava.btle.lovenseconnect;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a source's events; waits for them with deadlines. */
final class RecordingListener implements DeviceSourceListener {

    final BlockingQueue<Device> added = new LinkedBlockingQueue<>();
    final BlockingQueue<Device> removed = new LinkedBlockingQueue<>();
    final CountDownLatch scanFinished = new CountDownLatch(1);

    @Override
    public void deviceAdded(Device device) {
        added.add(device);
    }

    @Override
    public void deviceRemoved(Device device) {
        removed.add(device);
    }

    @Override
    public void scanningFinished() {
        scanFinished.countDown();
    }

    Device awaitAdded(Duration deadline) throws InterruptedException {
        Device d = added.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no device was added within " + deadline);
        }
        return d;
    }

    Device awaitRemoved(Duration deadline) throws InterruptedException {
        Device d = removed.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no device was removed within " + deadline);
        }
        return d;
    }

    void awaitScanFinished(Duration deadline) throws InterruptedException {
        if (!scanFinished.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("scanning did not finish within " + deadline);
        }
    }
}
