package io.github.buttplugjava.device.serial.internal;

import io.github.buttplugjava.btle.BleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write queue's bounds and the loss of a port, over a channel the test holds. */
class SerialPeripheralTest {

    /** A port whose writes block until released and whose reads report the port gone once cut. */
    private static final class HeldChannel implements PortChannel {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        final List<byte[]> written = new ArrayList<>();
        volatile boolean cut;
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public int read(byte[] buffer) {
            if (cut) {
                return -1;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }

        @Override
        public int write(byte[] data) {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (written) {
                written.add(data);
            }
            return data.length;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private final HeldChannel channel = new HeldChannel();
    private final SerialPeripheral port = SerialPeripheral.start("/dev/test", channel, r -> {
        Thread t = new Thread(r, "serial-test-io");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void close() throws Exception {
        channel.release.countDown();
        port.disconnect().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFullQueueFailsTheNewWriteInsteadOfGrowing() throws Exception {
        CompletableFuture<Void> first = port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[]{1}, false);
        assertThat(channel.writing.await(5, TimeUnit.SECONDS)).isTrue(); // the writer holds the first
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < SerialPeripheral.MAX_QUEUED_WRITES; i++) {
            queued.add(port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[]{2}, false));
        }

        CompletableFuture<Void> over = port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[]{3}, false);

        assertThatThrownBy(() -> over.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(BleException.class)
                .hasMessageContaining("write queue of serial port /dev/test is full");
        channel.release.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Void> f : queued) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(channel.written).hasSize(1 + SerialPeripheral.MAX_QUEUED_WRITES);
    }

    @Test
    void queuedBytesAreBoundedToo() throws Exception {
        byte[] big = new byte[SerialPeripheral.MAX_WRITE_BYTES];
        port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[]{1}, false);
        assertThat(channel.writing.await(5, TimeUnit.SECONDS)).isTrue(); // the writer holds the first
        int accepted = 0;
        CompletableFuture<Void> last = null;
        for (int i = 0; i < SerialPeripheral.MAX_QUEUED_BYTES / big.length + 1; i++) {
            last = port.write(SerialLayout.SERVICE, SerialLayout.TX, big, false);
            if (!last.isCompletedExceptionally()) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(SerialPeripheral.MAX_QUEUED_BYTES / big.length);
        assertThat(last).as("accepted %d", accepted).isCompletedExceptionally();
        assertThat(port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[SerialPeripheral.MAX_WRITE_BYTES + 1], false))
                .isCompletedExceptionally();
    }

    @Test
    void aLostPortFailsQueuedWritesRunsItsListenersOnceAndRefusesNewWrites() throws Exception {
        port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[]{1}, false);
        assertThat(channel.writing.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> queued = port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[]{2}, false);
        AtomicInteger disconnects = new AtomicInteger();
        CountDownLatch notified = new CountDownLatch(1);
        port.onDisconnect(() -> {
            disconnects.incrementAndGet();
            notified.countDown();
        });

        channel.cut = true;

        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BleException.class)
                .hasMessageContaining("disconnected");
        assertThat(port.isConnected()).isFalse();
        // the reader thread fails the queued writes, then runs the listeners: wait for them
        assertThat(notified.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(disconnects.get()).isEqualTo(1);
        assertThat(port.write(SerialLayout.SERVICE, SerialLayout.TX, new byte[]{3}, false)).isCompletedExceptionally();
        port.disconnect().get(5, TimeUnit.SECONDS);
        assertThat(disconnects.get()).isEqualTo(1);
        assertThat(channel.closes.get()).isEqualTo(1);
        AtomicInteger late = new AtomicInteger();
        port.onDisconnect(late::incrementAndGet);
        assertThat(late.get()).as("a listener added after the loss runs at once").isEqualTo(1);
    }

    @Test
    void bytesReadAreDeliveredToTheRxSubscriber() throws Exception {
        CountDownLatch subscribed = new CountDownLatch(1);
        PortChannel answering = new PortChannel() {
            private boolean sent;

            @Override
            public synchronized int read(byte[] buffer) {
                if (sent || subscribed.getCount() > 0) {
                    Thread.onSpinWait();
                    return 0;
                }
                sent = true;
                buffer[0] = 'o';
                buffer[1] = 'k';
                return 2;
            }

            @Override
            public int write(byte[] data) {
                return data.length;
            }

            @Override
            public void close() {
            }
        };
        CompletableFuture<byte[]> got = new CompletableFuture<>();
        SerialPeripheral p = SerialPeripheral.start("/dev/answering", answering, r -> {
            Thread t = new Thread(r, "serial-test-io");
            t.setDaemon(true);
            return t;
        });
        try {
            p.subscribe(SerialLayout.SERVICE, SerialLayout.RX, got::complete).get(5, TimeUnit.SECONDS);
            subscribed.countDown();
            assertThat(new String(got.get(5, TimeUnit.SECONDS))).isEqualTo("ok");
        } finally {
            p.disconnect().get(5, TimeUnit.SECONDS);
        }
    }
}
