package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.file.Path;
import java.security.KeyStore;
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
        keystore = dir.resolve("hub.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "hub", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool: " + out).isZero();
    }

    private static SSLContext trustingTheHub() throws Exception {
        KeyStore keys = KeyStore.getInstance(keystore.toFile(), PASSWORD);
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("hub", keys.getCertificate("hub"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
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
                c.device("Alice \u2013 Lovense Hush").vibrate(1.0).get(5, TimeUnit.SECONDS);
                assertThat(toys.devices().get(0).awaitOutput(0, o -> true, Duration.ofSeconds(2)).value()).isEqualTo(10);
            } finally {
                v3.disconnect();
            }
        }
    }
}
