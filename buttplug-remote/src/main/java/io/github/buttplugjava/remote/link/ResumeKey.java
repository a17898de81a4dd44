package io.github.buttplugjava.remote.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An agent's resume key: a random secret each share agent makes once and sends in the
 * {@code "Resume"} field of every {@link Hello} it dials with. When an agent's link drops on its
 * side before the hub has noticed, its new link meets its own stale one in the room; a hub that
 * finds the stale link's key digest equal to the new link's closes the stale link and takes the
 * new one instead of refusing the alias as taken. Without the key (an older agent, or anyone else
 * with the room's share token) the alias stays refused, so no one can close another sharer's link
 * by saying hello with their alias.
 *
 * <p>Treated like a token: {@link #toString()} never shows it, hubs keep only its SHA-256
 * {@linkplain #digest() digest} and compare digests with {@link MessageDigest#isEqual}. Generated
 * keys carry 128 random bits from {@link SecureRandom}, base64url without padding (22 characters).
 * Wire protocol of the share link, like {@link Hello}: public for the hub, agent and cluster
 * packages, not meant for apps.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResumeKey {

    /** Fewest characters of a key read from a peer: 22 base64url characters are 132 bits. */
    public static final int MIN_LENGTH = 22;

    /** Most characters of a key read from a peer, to bound work on hostile input. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Prefix of what {@link #derived()} hashes, so a derived key differs from the digest of its key. */
    private static final String DERIVED = "buttplug-java resume key, passed on:";

    private final String value;

    private ResumeKey(String value) {
        this.value = value;
    }

    /**
     * A new random key of 128 bits.
     *
     * @return the key
     */
    public static ResumeKey generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new ResumeKey(BASE64URL.encodeToString(bytes));
    }

    /**
     * A key as a peer sent it.
     *
     * @param value the key's text
     * @return the key
     * @throws NullPointerException     when {@code value} is null
     * @throws IllegalArgumentException when it has fewer than {@link #MIN_LENGTH} or more than
     *                                  {@link #MAX_LENGTH} characters, or characters outside
     *                                  {@code A-Z a-z 0-9 _ -}
     */
    public static ResumeKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH || !URL_SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("a resume key needs " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " characters from A-Z a-z 0-9 _ -");
        }
        return new ResumeKey(value);
    }

    /**
     * The SHA-256 digest of the key: what a hub keeps of it.
     *
     * @return a fresh copy of the 32-byte digest
     */
    public byte[] digest() {
        return sha256(value);
    }

    /**
     * Another key made from this one by SHA-256 (base64url, 43 characters): what a node of a hub
     * cluster passes on to the room's owner in place of the agent's own key, so that key never
     * leaves the node the agent dialed. The same key always gives the same derived key.
     *
     * @return the derived key
     */
    public ResumeKey derived() {
        return new ResumeKey(BASE64URL.encodeToString(sha256(DERIVED + value)));
    }

    /**
     * The key's text, for the hello frame only (never log it).
     *
     * @return the key's text
     */
    public String reveal() {
        return value;
    }

    /**
     * Whether {@code other} is a resume key with the same text, compared in time independent of
     * where they differ.
     *
     * @param other another object
     * @return true for a key with the same text
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ResumeKey k && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                k.value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Never the value.
     *
     * @return {@code ResumeKey[redacted]}
     */
    @Override
    public String toString() {
        return "ResumeKey[redacted]";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
