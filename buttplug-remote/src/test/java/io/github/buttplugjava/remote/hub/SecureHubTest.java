package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.testsupport.SelfSignedKeystore;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub over wss:// (self-signed certificate for 127.0.0.1), and an older-spec controller. */
class SecureHubTest {

    private static final char[] PASSWORD = "test-only-password".toCharArray();
    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    @TempDir
    static Path dir;
    static Path keystore;

    @BeforeAll
    static void makeSelfSignedCertificate() throws Exception {
        keystore = SelfSignedKeystore.create(dir.resolve("hub.p12"), "hub", "ip:127.0.0.1", PASSWORD);
    }

    private static SSLContext trustingTheHub() throws Exception {
        return SelfSignedKeystore.trusting(keystore, PASSWORD, "hub");
    }

    @Test
    void agentsAndAControllerMeetOverTlsAndAV3ControllerDrivesTheRoom() throws Exception {
        SSLContext tls = trustingTheHub();
        RemoteServer hub = RemoteServer.builder().tls(keystore, PASSWORD).build();
        Room room = hub.addRoom("secure");
        hub.start();
        SimulatedDevices toys = HubFixture.sims("lovense");
        try (hub; RemoteClient agent = RemoteClient.builder(hub.shareUri(), room.shareToken().reveal(), "Alice", toys)
                .dialer(uri -> WebSocketConnector.builder(uri).sslContext(tls).build()).build()) {
            assertThat(hub.shareUri().getScheme()).isEqualTo("wss");
            agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
            agent.start().get(10, TimeUnit.SECONDS);
            ButtplugClient v3 = ButtplugClient.builder("v3 app").specVersion(SpecVersion.V3).build();
            v3.connect(WebSocketConnector.builder(hub.controlUri(room)).sslContext(tls).build()).get(10, TimeUnit.SECONDS);
            try {
                HubFixture.Controller c = new HubFixture.Controller(v3);
                c.device("Alice - Lovense Hush").vibrate(1.0).get(5, TimeUnit.SECONDS);
                assertThat(toys.devices().get(0).awaitOutput(0, o -> true, Duration.ofSeconds(2)).value()).isEqualTo(10);
            } finally {
                v3.disconnect();
            }
        }
    }
}
