package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import io.github.buttplugjava.testsupport.devices.ListSource;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantFilterTest {

    private final VirtualTime time = new VirtualTime();
    private final ListSource source = new ListSource();
    private final GrantFilter filter = new GrantFilter(source, time.scheduling());
    private final EventRecorder events = new EventRecorder();
    private final RecordingDevice toy = new RecordingDevice("AA:BB:CC:DD:EE:FF");

    private static final DeviceGrant HALF_VIBRATE = DeviceGrant.none()
            .withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    @BeforeEach
    void start() {
        filter.start(events);
    }

    @AfterEach
    void close() {
        filter.close();
    }

    private Device shared() throws InterruptedException {
        EventRecorder.Event e = events.next();
        assertThat(e.kind()).isEqualTo("added");
        return e.device();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(2, TimeUnit.SECONDS);
    }

    @Test
    void unsharedDevicesAreNotOffered() throws Exception {
        source.add(toy);
        await(filter.share("other", HALF_VIBRATE));
        assertThat(events.events).isEmpty();
        assertThat(filter.localDevices()).containsKey(toy.identifier());
        assertThat(filter.sharedIdentifiers()).isEmpty();
    }

    @Test
    void advertisesRangesShrunkToTheGrantAndHidesTheAddress() throws Exception {
        source.add(toy);
        await(filter.share(toy.identifier(), HALF_VIBRATE.withOutput(OutputType.ROTATE, OutputGrant.upTo(0.5))));
        Device d = shared();
        assertThat(d.identifier()).doesNotContain("AA:BB").startsWith("shared-");
        assertThat(d.features()).hasSize(2);
        DeviceFeature vib = d.features().get(0);
        assertThat(vib.output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(new Range(0, 10));
        assertThat(d.features().get(1).output(OutputType.ROTATE).orElseThrow().value()).isEqualTo(new Range(-10, 10));
        assertThat(d.features()).noneMatch(f -> f.input(InputType.BATTERY).isPresent());
    }

    @Test
    void aFullCommandArrivesAsTheGrantedMaximumAndMoreIsRefused() throws Exception {
        source.add(toy);
        await(filter.share(toy.identifier(), HALF_VIBRATE));
        Device d = shared();
        await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 10)));
        assertThat(toy.level(0)).isEqualTo(10);
        assertThatThrownBy(() -> await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 20))))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("outside the granted range 0..10");
        assertThat(toy.level(0)).isEqualTo(10);
        assertThat(toy.received).containsExactly("0:Vibrate=10");
    }

    @Test
    void refusesTypesAndFeaturesThatAreNotShared() throws Exception {
        source.add(toy);
        await(filter.share(toy.identifier(), HALF_VIBRATE));
        Device d = shared();
        assertThatThrownBy(() -> await(d.output(0, OutputCommand.of(OutputType.ROTATE, 1))))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThatThrownBy(() -> await(d.output(1, OutputCommand.of(OutputType.ROTATE, 1))))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThatThrownBy(() -> await(d.read(0, InputType.BATTERY)))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThat(toy.received).isEmpty();
    }

    @Test
    void readsInputsOnlyWhenGranted() throws Exception {
        source.add(toy);
        await(filter.share(toy.identifier(), HALF_VIBRATE.withInput(InputType.BATTERY)));
        Device d = shared();
        assertThat(d.features().get(1).input(InputType.BATTERY)).isPresent();
        assertThat(await(d.read(1, InputType.BATTERY))).isEqualTo(87);
        assertThat(toy.received).containsExactly("2:read Battery");
    }

    @Test
    void revokeStopsTheToyBeforeTheDeviceLeaves() throws Exception {
        source.add(toy);
        await(filter.share(toy.identifier(), HALF_VIBRATE));
        Device d = shared();
        await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 10)));
        CompletableFuture<Void> revoked = filter.revoke(toy.identifier());
        assertThatThrownBy(() -> await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 3))))
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("no longer shared");
        EventRecorder.Event removed = events.next();
        assertThat(removed.kind()).isEqualTo("removed");
        assertThat(removed.device()).isSameAs(d);
        assertThat(toy.received).containsExactly("0:Vibrate=10", "stop");
        await(revoked);
        assertThat(filter.sharedIdentifiers()).isEmpty();
    }

    @Test
    void pauseStopsAndRemovesResumeSharesAgain() throws Exception {
        source.add(toy);
        await(filter.shareAll(HALF_VIBRATE));
        Device d = shared();
        await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 7)));
        await(filter.pause(toy.identifier(), true));
        assertThat(events.next().kind()).isEqualTo("removed");
        assertThat(toy.level(0)).isZero();
        await(filter.pause(toy.identifier(), false));
        Device again = shared();
        await(again.output(0, OutputCommand.of(OutputType.VIBRATE, 4)));
        assertThat(toy.level(0)).isEqualTo(4);
    }

    @Test
    void lowerMaximumStopsThenReadvertises() throws Exception {
        source.add(toy);
        await(filter.share(toy.identifier(), HALF_VIBRATE));
        Device d = shared();
        await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 10)));
        await(filter.share(toy.identifier(), HALF_VIBRATE.withMaxLevel(0.25)));
        assertThat(events.next().kind()).isEqualTo("removed");
        Device lower = shared();
        assertThat(toy.level(0)).isZero();
        assertThat(lower.features().get(0).output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(Range.upTo(5));
        assertThatThrownBy(() -> await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 10))))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }

    @Test
    void expiryStopsThenRemoves() throws Exception {
        source.add(toy);
        await(filter.share(toy.identifier(), HALF_VIBRATE.withExpiry(time.now().plusMillis(300))));
        Device d = shared();
        await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 9)));
        time.advanceMillis(299);
        assertThat(events.events).as("nothing leaves before the expiry").isEmpty();
        time.advanceMillis(2);
        EventRecorder.Event removed = events.next();
        assertThat(removed.kind()).isEqualTo("removed");
        assertThat(toy.level(0)).isZero();
        assertThat(toy.received).containsExactly("0:Vibrate=9", "stop");
        assertThatThrownBy(() -> await(d.output(0, OutputCommand.of(OutputType.VIBRATE, 1))))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }

    @Test
    void eventsRunOnTheInjectedExecutorNotOnAThreadOfTheFiltersOwn() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "injected-executor"));
        ListSource local = new ListSource();
        GrantFilter own = new GrantFilter(local, time.scheduling(mine));
        try {
            BlockingQueue<String> threads = new LinkedBlockingQueue<>();
            own.start(new DeviceSourceListener() {
                @Override
                public void deviceAdded(Device device) {
                    threads.add(Thread.currentThread().getName());
                }

                @Override
                public void deviceRemoved(Device device) {
                    threads.add(Thread.currentThread().getName());
                }
            });
            local.add(new RecordingDevice("injected"));
            await(own.shareAll(HALF_VIBRATE));
            await(own.revokeAll());
            assertThat(List.of(threads.poll(2, TimeUnit.SECONDS), threads.poll(2, TimeUnit.SECONDS)))
                    .containsExactly("injected-executor", "injected-executor");
        } finally {
            own.close();
            mine.shutdown();
        }
    }

    @Test
    void aLocalDeviceThatGoesAwayLeaves() throws Exception {
        source.add(toy);
        await(filter.shareAll(HALF_VIBRATE));
        Device d = shared();
        source.remove(toy);
        EventRecorder.Event removed = events.next();
        assertThat(removed.kind()).isEqualTo("removed");
        assertThat(removed.device()).isSameAs(d);
    }

    @Test
    void revokeAllUnsharesEverythingAndCloseClosesTheSource() throws Exception {
        RecordingDevice second = new RecordingDevice("second");
        source.add(toy);
        source.add(second);
        await(filter.shareAll(HALF_VIBRATE));
        shared();
        shared();
        await(filter.revokeAll());
        assertThat(events.next().kind()).isEqualTo("removed");
        assertThat(events.next().kind()).isEqualTo("removed");
        filter.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!source.isClosed() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // bounded poll-until loop
        }
        assertThat(source.isClosed()).isTrue();
    }

    @Test
    void shrinkRoundsTowardZeroAndDropsWhatIsLeftEmpty() {
        assertThat(GrantedView.shrink(Range.upTo(20), 0.5)).contains(Range.upTo(10));
        assertThat(GrantedView.shrink(Range.upTo(100), 0.29)).contains(Range.upTo(29));
        assertThat(GrantedView.shrink(Range.upTo(3), 0.5)).contains(Range.upTo(1));
        assertThat(GrantedView.shrink(new Range(-20, 20), 0.33)).contains(new Range(-6, 6));
        assertThat(GrantedView.shrink(Range.upTo(1), 0.5)).isEmpty();
        assertThat(GrantedView.shrink(Range.upTo(20), 1.0)).contains(Range.upTo(20));
    }
}
