package io.github.buttplugjava.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server that announces a device right after answering the client's first RequestDeviceList (a
 * share agent whose toy is found as the hub links it): the client applies the lists in the order
 * they were sent, so the device stays known. Before the fix the reply was applied in a task queued
 * behind the frames already read, and the older, empty reply removed the device for good.
 */
class DeviceListOrderTest {

    private static final Pattern ID = Pattern.compile("\"Id\":(\\d+)");
    private static final String ONE_DEVICE = "{\"0\":{\"DeviceIndex\":0,\"DeviceName\":\"late toy\","
            + "\"DeviceMessageTimingGap\":0,\"DeviceFeatures\":{\"0\":{\"FeatureIndex\":0,"
            + "\"FeatureDescription\":\"\",\"Output\":{\"Vibrate\":{\"Value\":[0,20]}}}}}}";

    /** The server end: answers the handshake, then the device list with nothing and at once a list with one device. */
    private static final class AnnouncingServer implements FrameListener {
        private final InProcessConnector end;
        private final boolean oneFrame;

        AnnouncingServer(InProcessConnector end, boolean oneFrame) {
            this.end = end;
            this.oneFrame = oneFrame;
            end.connect(this);
        }

        @Override
        public void onFrame(String frame) {
            Matcher m = ID.matcher(frame);
            String id = m.find() ? m.group(1) : "0";
            if (frame.contains("RequestServerInfo")) {
                end.send("[{\"ServerInfo\":{\"Id\":" + id + ",\"ServerName\":\"fake\",\"ProtocolVersionMajor\":4,"
                        + "\"ProtocolVersionMinor\":0,\"MaxPingTime\":0}}]");
            } else if (frame.contains("RequestDeviceList")) {
                String reply = "{\"DeviceList\":{\"Id\":" + id + ",\"Devices\":{}}}";
                String announced = "{\"DeviceList\":{\"Id\":0,\"Devices\":" + ONE_DEVICE + "}}";
                if (oneFrame) {
                    end.send("[" + reply + "," + announced + "]");
                } else {
                    end.send("[" + reply + "]");
                    end.send("[" + announced + "]");
                }
            } else {
                end.send("[{\"Ok\":{\"Id\":" + id + "}}]");
            }
        }

        @Override
        public void onClosed(Throwable cause) {
        }
    }

    private static void assertDeviceKept(boolean oneFrame) throws Exception {
        // deliveries run on the sender's thread: both frames are read before the reply's task could run
        InProcessConnector.Pair pair = InProcessConnector.pair(Runnable::run);
        new AnnouncingServer(pair.server(), oneFrame);
        ButtplugClient client = ButtplugClient.builder("t").build();
        client.connect(pair.client()).get(5, TimeUnit.SECONDS);
        try {
            assertThat(client.devices()).extracting(ButtplugClientDevice::name).containsExactly("late toy");
        } finally {
            client.disconnect().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDeviceAnnouncedInTheFrameAfterTheReplyIsKept() throws Exception {
        assertDeviceKept(false);
    }

    @Test
    void aDeviceAnnouncedInTheReplysOwnFrameIsKept() throws Exception {
        assertDeviceKept(true);
    }
}
