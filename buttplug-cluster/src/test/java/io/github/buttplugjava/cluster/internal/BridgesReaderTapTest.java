package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames and close notices reach their bridged end as NATS reads them: in the
 * order they were published, the close after the frames sent before it, nothing after it.
 */
class BridgesReaderTapTest {

    private static final Subjects SUBJECTS = new Subjects("bt");

    private NatsServer server;
    private Connection node;
    private Connection peer;
    private Bridges bridges;

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        ReaderTap tap = new ReaderTap();
        node = Nats.connect(new Options.Builder().server(server.url()).readListener(tap).build());
        peer = Nats.connect(new Options.Builder().server(server.url()).build());
        bridges = new Bridges(node, SUBJECTS, "n1", 8, tap);
        node.flush(Duration.ofSeconds(5)); // the subscriptions are in place at the server
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{bridges, node, peer, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private void publish(String subject, String body) {
        peer.publish(subject, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void framesArriveInOrderThenTheCloseAndNothingAfterIt() throws Exception {
        RecordingEnd end = new RecordingEnd("n2");
        RecordingEnd other = new RecordingEnd("n2");
        assertThat(bridges.add("n2-a-1", end)).isTrue();
        assertThat(bridges.add("n2-a-2", other)).isTrue();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add("[{\"Ping\":{\"Id\":" + (i + 1) + "}}]");
            publish(SUBJECTS.frame("n1", "n2-a-1"), sent.get(i));
        }
        publish(SUBJECTS.close("n1", "n2-a-1"), "{\"reason\":\"gone\",\"sent\":500}");
        for (int i = 0; i < 10; i++) {
            publish(SUBJECTS.frame("n1", "n2-a-1"), "late " + i);
        }
        publish(SUBJECTS.frame("n1", "n2-a-2"), "marker"); // read after everything above
        peer.flush(Duration.ofSeconds(5));

        other.marker.get(5, TimeUnit.SECONDS);
        assertThat(end.closed.get(5, TimeUnit.SECONDS)).isEqualTo(500L);
        synchronized (end) {
            assertThat(end.frames).containsExactlyElementsOf(sent);
            assertThat(end.afterClose).isEmpty();
        }
        assertThat(bridges.count()).isEqualTo(1); // the closed link is gone, the other stays
    }

    @Test
    void framesForUnknownLinksAndOtherSubjectsAreIgnored() throws Exception {
        RecordingEnd end = new RecordingEnd("n2");
        assertThat(bridges.add("n2-a-1", end)).isTrue();
        publish(SUBJECTS.frame("n1", "n2-unknown-9"), "nobody's");
        publish(SUBJECTS.close("n1", "n2-unknown-9"), "{\"reason\":\"x\",\"sent\":1}");
        publish(SUBJECTS.frame("n1", "n2-a-1"), "mine");
        publish(SUBJECTS.frame("n1", "n2-a-1"), "marker");
        peer.flush(Duration.ofSeconds(5));

        end.marker.get(5, TimeUnit.SECONDS);
        synchronized (end) {
            assertThat(end.frames).containsExactly("mine");
        }
        assertThat(end.closed).isNotDone();
    }
}
