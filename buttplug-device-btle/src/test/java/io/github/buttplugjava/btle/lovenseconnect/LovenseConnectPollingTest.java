package io.github.buttplugjava.btle.lovenseconnect;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.btle.lovenseconnect.FakeLovenseApp.toy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polling: scanning schedules one periodic poll at the configured interval, each tick (run by
 * the test, not by a clock) asks the app again, and closing cancels it.
 */
class LovenseConnectPollingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeLovenseApp app;
    private LovenseConnectSource source;

    @AfterEach
    void stopEverything() throws Exception {
        if (source != null) {
            source.closeAsync().get(10, TimeUnit.SECONDS);
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void eachPollFindsNewToysAndNoticesTheAppGoingAway() throws Exception {
        app = FakeLovenseApp.start();
        ManualPollScheduler scheduler = new ManualPollScheduler(SharedExecutors.timers());
        source = new LovenseConnectSource(app.host(), DeviceConfiguration.bundled(), Protocols.builtIn(),
                ForkJoinPool.commonPool(), scheduler, System::nanoTime, Duration.ofMillis(1500), Duration.ofSeconds(3));
        EventRecorder events = new EventRecorder();
        source.start(events);
        assertThat(scheduler.periodic).isEmpty();

        source.startScanning().get(5, TimeUnit.SECONDS);
        events.awaitScanFinished(0, WAIT);
        source.startScanning().get(5, TimeUnit.SECONDS);
        assertThat(scheduler.periodic).hasSize(1);
        assertThat(scheduler.periodic.get(0).periodNanos()).isEqualTo(Duration.ofMillis(1500).toNanos());
        source.refresh().get(5, TimeUnit.SECONDS); // the second scan's poll is over (a poll during another joins it)
        assertThat(events.added).isEmpty();

        app.toys("{" + toy("c1", "nora", 1, 80) + "}");
        assertThat(scheduler.tick()).isEqualTo(1);
        Device nora = events.awaitAdded(WAIT);
        assertThat(nora.name()).isEqualTo("Lovense Nora");
        source.refresh().get(5, TimeUnit.SECONDS); // that tick's poll is over before the app goes

        app.close();
        scheduler.tick();
        assertThat(events.awaitRemoved(WAIT)).isSameAs(nora);

        source.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(scheduler.periodic.get(0).isCancelled()).isTrue();
    }
}
