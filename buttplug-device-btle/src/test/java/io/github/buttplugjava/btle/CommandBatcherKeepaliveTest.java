package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.protocol.HardwareCommand;
import io.github.buttplugjava.btle.protocol.HardwareIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class CommandBatcherKeepaliveTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final RecordingIo io = new RecordingIo();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void repeatsTheLastWriteAfterSilenceUntilClosed() throws Exception {
        CommandBatcher batcher = new CommandBatcher(io, executor, 0, Duration.ofMillis(30));
        assertThat(batcher.hasKeepalive()).isTrue();
        batcher.submit(List.of(write(1), write(2))).get(2, TimeUnit.SECONDS);
        assertThat(io.writes.poll(2, TimeUnit.SECONDS)).containsExactly(1);
        assertThat(io.writes.poll(2, TimeUnit.SECONDS)).containsExactly(2);

        batcher.startKeepalive();
        assertThat(io.writes.poll(2, TimeUnit.SECONDS)).as("repeat").containsExactly(2);
        assertThat(io.writes.poll(2, TimeUnit.SECONDS)).as("second repeat").containsExactly(2);

        batcher.submit(List.of(write(3))).get(2, TimeUnit.SECONDS);
        byte[] next = io.writes.poll(2, TimeUnit.SECONDS);
        for (int i = 0; i < 50 && next != null && next[0] == 2; i++) {
            next = io.writes.poll(2, TimeUnit.SECONDS); // repeats of 2 still under way
        }
        assertThat(next).containsExactly(3);
        assertThat(io.writes.poll(2, TimeUnit.SECONDS)).as("the new last write is repeated").containsExactly(3);

        batcher.close();
        io.writes.poll(100, TimeUnit.MILLISECONDS); // a repeat already under way when closed
        assertThat(io.writes.poll(150, TimeUnit.MILLISECONDS)).as("nothing after close").isNull();
    }

    @Test
    void withoutAnIntervalNothingIsRepeated() throws Exception {
        CommandBatcher batcher = new CommandBatcher(io, executor, 0);
        assertThat(batcher.hasKeepalive()).isFalse();
        batcher.submit(List.of(write(7))).get(2, TimeUnit.SECONDS);
        batcher.startKeepalive();
        assertThat(io.writes.poll(2, TimeUnit.SECONDS)).containsExactly(7);
        assertThat(io.writes.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    private static HardwareCommand write(int value) {
        return HardwareCommand.writeDevice(Endpoint.TX, new byte[] {(byte) value}, false);
    }

    /** Records the bytes of every write. */
    private static final class RecordingIo implements HardwareIo {
        final BlockingQueue<byte[]> writes = new LinkedBlockingQueue<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String address() {
            return "00:00";
        }

        @Override
        public boolean hasEndpoint(Endpoint endpoint) {
            return endpoint == Endpoint.TX;
        }

        @Override
        public CompletableFuture<Void> write(Endpoint endpoint, byte[] data, boolean withResponse) {
            writes.add(data.clone());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<byte[]> read(Endpoint endpoint) {
            return CompletableFuture.failedFuture(new BleException("no reads"));
        }

        @Override
        public CompletableFuture<Void> subscribe(Endpoint endpoint) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unsubscribe(Endpoint endpoint) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<byte[]> nextNotification(Endpoint endpoint, Duration timeout) {
            return new CompletableFuture<>();
        }

        @Override
        public void onNotification(Endpoint endpoint, Consumer<byte[]> listener) {
        }
    }
}
