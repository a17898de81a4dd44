package io.github.buttplugjava.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC certificate for 127.0.0.1 in a PKCS12 keystore made with the JDK's keytool, and
 * a client context trusting exactly it: the TLS setup of the transport's and the hub's wss:// tests.
 */
public final class SelfSignedKeystore {

    private SelfSignedKeystore() {
    }

    /**
     * Writes {@code file} holding a key pair and certificate under {@code alias}, valid two days.
     *
     * @param file     where to write the keystore
     * @param alias    the entry's alias
     * @param san      the subjectAltName extension value, e.g. {@code "ip:127.0.0.1"}
     * @param password the keystore's and the key's password
     * @return {@code file}
     * @throws Exception when keytool cannot run or fails
     */
    public static Path create(Path file, String alias, String san, char[] password) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=" + san,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("keytool did not finish within 60 s: " + out);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed (exit " + p.exitValue() + "): " + out);
        }
        return file;
    }

    /**
     * A client context trusting exactly the certificate under {@code alias} in {@code keystore}.
     *
     * @param keystore a keystore made by {@link #create}
     * @param password its password
     * @param alias    the entry whose certificate to trust
     * @return a TLS context for clients
     * @throws Exception when the keystore cannot be read
     */
    public static SSLContext trusting(Path keystore, char[] password, String alias) throws Exception {
        KeyStore keys = KeyStore.getInstance(keystore.toFile(), password);
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry(alias, keys.getCertificate(alias));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /**
     * Writes the certificate and then the private key under {@code alias} as one PEM file
     * ({@code CERTIFICATE}, then the PKCS#8 {@code PRIVATE KEY}), the form HAProxy's {@code crt}
     * takes.
     *
     * @param keystore a keystore made by {@link #create}
     * @param password its password
     * @param alias    the entry to write
     * @param pem      where to write it
     * @return {@code pem}
     * @throws Exception when the keystore cannot be read or the file written
     */
    public static Path pem(Path keystore, char[] password, String alias, Path pem) throws Exception {
        KeyStore keys = KeyStore.getInstance(keystore.toFile(), password);
        Key key = keys.getKey(alias, password);
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String text = "-----BEGIN CERTIFICATE-----\n" + base64.encodeToString(keys.getCertificate(alias).getEncoded())
                + "\n-----END CERTIFICATE-----\n"
                + "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(pem, text, StandardCharsets.US_ASCII);
    }
}
