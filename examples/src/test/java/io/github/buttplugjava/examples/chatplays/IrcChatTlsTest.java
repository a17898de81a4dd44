package io.github.buttplugjava.examples.chatplays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --tls}: the bot's IRC link over TLS to ngircd with a self-signed certificate for
 * 127.0.0.1: it joins and reads chat when it trusts that certificate; it is refused (the link
 * ends, nothing joined) when it dials the server by a name the certificate does not carry (the
 * host name is checked), and when it checks against the JDK's trusted certificates.
 */
class IrcChatTlsTest {

    private static final char[] PASSWORD = "changeit-tls-test".toCharArray();

    @TempDir
    Path dir;

    @Test
    void joinsOverTlsWhenTheCertificateIsTrustedAndIsRefusedWhenItIsNot() throws Exception {
        Path keystore = rsaKeystore(dir.resolve("irc.p12"));
        try (Ngircd irc = Ngircd.start(dir, pem(keystore))) {
            IrcSettings settings = new IrcSettings("127.0.0.1", irc.tlsPort(), true, "tlsbot", "#stream", Ngircd.PASSWORD);
            BlockingQueue<String> heard = new ArrayBlockingQueue<>(16);
            try (IrcChat chat = IrcChat.connect(settings, trusting(keystore), (nick, text) -> heard.offer(nick + ": " + text))) {
                chat.joined().get(20, TimeUnit.SECONDS);
                try (IrcChatter alice = IrcChatter.join(irc.port(), "alice", "#stream")) {
                    alice.say("!vibe 40");
                    assertThat(heard.poll(20, TimeUnit.SECONDS)).isEqualTo("alice: !vibe 40");
                }
            }
            IrcSettings byName = new IrcSettings("localhost", irc.tlsPort(), true, "namebot", "#stream", Ngircd.PASSWORD);
            try (IrcChat wrongName = IrcChat.connect(byName, trusting(keystore), (nick, text) -> { })) {
                assertThat(wrongName.ended().get(20, TimeUnit.SECONDS)).as("a trusted certificate for another name")
                        .contains("No name matching localhost");
            }
            try (IrcChat untrusted = IrcChat.connect(settings.withNick("jdkbot"), (nick, text) -> { })) {
                assertThat(untrusted.ended().get(20, TimeUnit.SECONDS)).isNotEmpty();
                assertThatThrownBy(() -> untrusted.joined().get(1, TimeUnit.SECONDS)).hasMessageContaining("ended");
            }
        }
    }

    /** A self-signed RSA certificate for 127.0.0.1 made with the JDK's keytool (GnuTLS, in ngircd, reads RSA PKCS#8 keys as the JDK writes them). */
    private static Path rsaKeystore(Path file) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "irc",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD), "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
        return file;
    }

    private static TrustManagerFactory trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("irc", load(keystore).getCertificate("irc"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return trust;
    }

    /** The keystore's certificate and key as the PEM files ngircd reads. */
    private Ngircd.Pem pem(Path keystore) throws Exception {
        KeyStore ks = load(keystore);
        PrivateKey key = (PrivateKey) ks.getKey("irc", PASSWORD);
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", ks.getCertificate("irc").getEncoded()));
        Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        return new Ngircd.Pem(cert, keyFile);
    }

    private static KeyStore load(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
