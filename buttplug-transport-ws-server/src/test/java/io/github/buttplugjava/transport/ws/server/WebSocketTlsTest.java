package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.testsupport.SelfSignedKeystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// with a self-signed certificate made by keytool for 127.0.0.1. */
class WebSocketTlsTest {

    private static final char[] PASSWORD = "test-only-password".toCharArray();

    @TempDir
    static Path dir;
    static Path keystore;

    private WebSocketServer server;
    private WebSocketConnector client;

    @BeforeAll
    static void makeSelfSignedCertificate() throws Exception {
        keystore = SelfSignedKeystore.create(dir.resolve("server.p12"), "server", "ip:127.0.0.1,dns:localhost", PASSWORD);
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A client context trusting exactly the test certificate. */
    private static SSLContext trustingTheTestCertificate() throws Exception {
        return SelfSignedKeystore.trusting(keystore, PASSWORD, "server");
    }

    private void startEchoServer() throws Exception {
        server = WebSocketServer.builder()
                .tls(keystore, PASSWORD)
                .handler((path, connector) -> {
                    connector.connect(new FrameListener() {
                        @Override
                        public void onFrame(String frame) {
                            connector.send("echo " + frame);
                        }

                        @Override
                        public void onClosed(Throwable cause) {
                        }
                    });
                    return Admission.accept();
                })
                .start();
    }

    @Test
    void echoesOverWssWithATrustedSelfSignedCertificate() throws Exception {
        startEchoServer();
        assertThat(server.uri().getScheme()).isEqualTo("wss");

        client = WebSocketConnector.builder(server.uri()).sslContext(trustingTheTestCertificate()).build();
        RecordingListener received = new RecordingListener();
        client.connect(received).get(20, TimeUnit.SECONDS);
        client.send("hello").get(10, TimeUnit.SECONDS);

        assertThat(received.nextFrame()).isEqualTo("echo hello");
        client.close().get(10, TimeUnit.SECONDS);
        assertThat(received.awaitClose()).isNull();
    }

    @Test
    void refusesAnUntrustedCertificate() throws Exception {
        startEchoServer();
        SSLContext defaults = SSLContext.getInstance("TLS");
        defaults.init(null, null, null);
        client = WebSocketConnector.builder(server.uri()).sslContext(defaults).build();

        assertThatThrownBy(() -> client.connect(new RecordingListener()).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectorException.class);
    }

    @Test
    void aPlainClientCannotTalkToATlsServer() throws Exception {
        startEchoServer();
        client = WebSocketConnector.builder(URI.create("ws://127.0.0.1:" + server.port() + "/"))
                .connectTimeout(Duration.ofSeconds(1)).build();

        assertThatThrownBy(() -> client.connect(new RecordingListener()).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectorException.class);
    }

    @Test
    void aBadKeystoreIsAClearIoError() {
        assertThatThrownBy(() -> WebSocketServer.builder().tls(keystore, "wrong".toCharArray()))
                .isInstanceOf(IOException.class).hasMessageContaining("server.p12");
    }
}
