package io.github.buttplugjava.cluster.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a token into what the cluster stores: SHA-256 over the cluster's random salt and the
 * token, in hex. Tokens have at least 128 random bits, so a fast hash with a salt is enough: the
 * salt keeps precomputed tables away, and nobody who reads the bucket can present a token.
 */
public final class TokenHasher {

    private final byte[] salt;

    /**
     * A hasher with this salt.
     *
     * @param salt the cluster's salt (copied)
     */
    public TokenHasher(byte[] salt) {
        this.salt = salt.clone();
    }

    /**
     * The stored form of {@code token}.
     *
     * @param token a token as a peer presented it
     * @return the hash in lower-case hex
     */
    public String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
