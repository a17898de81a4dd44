package io.github.buttplugjava.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a hostile server cannot make a client do: too many devices, pings too often, floods of events. */
class ClientLimitsTest {

    private static final Pattern ID = Pattern.compile("\"Id\":(\\d+)");

    /** Records the period of every fixed-rate task. */
    private static final class RecordingTimers extends ScheduledThreadPoolExecutor {
        final List<Long> periodsMs = new CopyOnWriteArrayList<>();

        RecordingTimers() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            periodsMs.add(unit.toMillis(period));
            return super.scheduleAtFixedRate(command, initialDelay, period, unit);
        }
    }

    /** The server end, played by the test: answers the handshake and the device list as told. */
    private static final class FakeServer implements FrameListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> closed = new CompletableFuture<>();
        final InProcessConnector end;
        final long maxPingMs;
        final String devices;

        FakeServer(InProcessConnector end, long maxPingMs, String devices) {
            this.end = end;
            this.maxPingMs = maxPingMs;
            this.devices = devices;
            end.connect(this);
        }

        @Override
        public void onFrame(String frame) {
            received.add(frame);
            Matcher m = ID.matcher(frame);
            String id = m.find() ? m.group(1) : "0";
            if (frame.contains("RequestServerInfo")) {
                end.send("[{\"ServerInfo\":{\"Id\":" + id + ",\"ServerName\":\"fake\",\"ProtocolVersionMajor\":4,"
                        + "\"ProtocolVersionMinor\":0,\"MaxPingTime\":" + maxPingMs + "}}]");
            } else if (frame.contains("RequestDeviceList")) {
                end.send("[{\"DeviceList\":{\"Id\":" + id + ",\"Devices\":{" + devices + "}}}]");
            } else {
                end.send("[{\"Ok\":{\"Id\":" + id + "}}]");
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            closed.complete(cause);
        }
    }

    private final RecordingTimers timers = new RecordingTimers();

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    private static String devices(int count, int features) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < count; d++) {
            b.append(d == 0 ? "" : ",").append('"').append(d).append("\":{\"DeviceIndex\":").append(d)
                    .append(",\"DeviceName\":\"d").append(d).append("\",\"DeviceMessageTimingGap\":0,\"DeviceFeatures\":{");
            for (int f = 0; f < features; f++) {
                b.append(f == 0 ? "" : ",").append('"').append(f).append("\":{\"FeatureIndex\":").append(f)
                        .append(",\"FeatureDescription\":\"\",\"Output\":{\"Vibrate\":{\"Value\":[0,20]}}}");
            }
            b.append("}}");
        }
        return b.toString();
    }

    @Test
    void aServerListingMoreDevicesThanTheCapIsDroppedWithTheReason() {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        FakeServer server = new FakeServer(pair.server(), 0, devices(5, 1));
        ButtplugClient client = ButtplugClient.builder("t").timers(timers).maxDevices(4).build();

        assertThatThrownBy(() -> client.connect(pair.client()).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("over this client's caps");
        assertThat(client.isConnected()).isFalse();
        assertThat(server.closed).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aDeviceWithTooManyFeaturesIsRefused() {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        new FakeServer(pair.server(), 0, devices(1, 9));
        ButtplugClient client = ButtplugClient.builder("t").timers(timers).maxFeaturesPerDevice(8).build();

        assertThatThrownBy(() -> client.connect(pair.client()).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("caps");
    }

    @Test
    void aTinyMaxPingTimeDoesNotMakeTheClientPingFasterThanItsFloor() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        new FakeServer(pair.server(), 1, devices(1, 1));
        ButtplugClient client = ButtplugClient.builder("t").timers(timers)
                .minPingInterval(Duration.ofMillis(500)).build();
        client.connect(pair.client()).get(5, TimeUnit.SECONDS);
        try {
            assertThat(timers.periodsMs).containsExactly(500L);
        } finally {
            client.disconnect().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientBuiltWithoutAutomaticPingsSchedulesNoneAndPingsWhenAsked() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        new FakeServer(pair.server(), 300, devices(1, 1));
        ButtplugClient client = ButtplugClient.builder("t").timers(timers).automaticPings(false).build();
        client.connect(pair.client()).get(5, TimeUnit.SECONDS);
        try {
            assertThat(timers.periodsMs).as("no ping timer, whatever the MaxPingTime").isEmpty();
            client.ping().get(5, TimeUnit.SECONDS);
            assertThat(client.isConnected()).isTrue();
        } finally {
            client.disconnect().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerFloodingEventsIsDroppedRepliesAreFree() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        FakeServer server = new FakeServer(pair.server(), 0, devices(1, 1));
        ButtplugClient client = ButtplugClient.builder("t").timers(timers)
                .limits(MessageLimits.DEFAULT.withRate(0.001, 20)).build();
        client.connect(pair.client()).get(5, TimeUnit.SECONDS);
        CompletableFuture<Throwable> disconnected = new CompletableFuture<>();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                disconnected.complete(cause);
            }
        });

        // replies to the client's own requests do not count: far more than 20 go through
        for (int i = 0; i < 50; i++) {
            client.ping().get(5, TimeUnit.SECONDS);
        }
        assertThat(client.isConnected()).isTrue();

        // unasked events do: the 21st... aborts the link (an in-process link cannot pause)
        for (int i = 0; i < 30; i++) {
            server.end.send("[{\"ScanningFinished\":{\"Id\":0}}]");
        }
        assertThat(server.closed).succeedsWithin(Duration.ofSeconds(5));
        assertThat(disconnected).succeedsWithin(Duration.ofSeconds(5)).asString()
                .contains("messages per second unasked");
        assertThat(client.isConnected()).isFalse();
    }
}
