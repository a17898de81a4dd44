package io.github.buttplugjava.remote.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A secret that lets an agent share into a room, or a controller drive it.
 *
 * <p>Generated tokens carry 256 random bits from {@link SecureRandom}, written URL-safe (base64url,
 * 43 characters) so they fit a URL path. Given tokens must have at least 22 URL-safe characters
 * (128 bits). {@link #matches} compares SHA-256 digests with {@link MessageDigest#isEqual}, whose
 * time does not depend on where the candidate differs. {@link #toString()} never shows the value;
 * only {@link #reveal()} does, for printing it once to the person who owns it.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccessToken {

    /** Fewest characters of a given token: 22 base64url characters are 132 bits. */
    public static final int MIN_LENGTH = 22;

    /** Longest accepted token, to bound work on hostile input. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final byte[] digest;

    private AccessToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * A new random token of 256 bits.
     *
     * @return the token
     */
    public static AccessToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * A token given by the user.
     *
     * @param value the token's text
     * @return the token
     * @throws NullPointerException     when {@code value} is null
     * @throws IllegalArgumentException when it is shorter than {@link #MIN_LENGTH}, longer than
     *                                  {@link #MAX_LENGTH} or has characters outside {@code A-Z a-z 0-9 _ -}
     */
    public static AccessToken of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH || !URL_SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("a token needs " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " characters from A-Z a-z 0-9 _ - (at least 128 bits)");
        }
        return new AccessToken(value);
    }

    /**
     * Whether {@code candidate} is this token, in time independent of the token's content.
     *
     * @param candidate what a peer presented; may be null
     * @return true when it is this token
     */
    public boolean matches(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(candidate));
    }

    /**
     * The secret value, to show once to its owner (never log it).
     *
     * @return the token's text
     */
    public String reveal() {
        return value;
    }

    /**
     * Never the value.
     *
     * @return {@code AccessToken[redacted]}
     */
    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
