package io.github.buttplugjava.remote.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The identifiers a shared device shows the hub instead of its local one (a BLE address, say):
 * a salted SHA-256 of the local identifier, stable for the life of one filter and meaningless
 * outside it. Thread-safe (the salt never changes).
 */
final class OpaqueIds {

    private final byte[] salt = new byte[16];

    OpaqueIds() {
        new SecureRandom().nextBytes(salt);
    }

    /** The opaque identifier of {@code localId}: {@code shared-} and 16 base64url characters. */
    String of(String localId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(localId.getBytes(StandardCharsets.UTF_8));
            return "shared-" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
