package io.github.buttplugjava.core.codec.internal;

import static io.github.buttplugjava.core.codec.internal.StreamingStepAside.expect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.buttplugjava.core.message.Message;
import java.io.IOException;

/**
 * The values the streaming readers take from the parser, each in exactly the JSON type and range
 * the tree path accepts; anything else steps aside ({@link StreamingStepAside}). Each reads the
 * next token.
 */
final class StreamingTokens {

    private StreamingTokens() {
    }

    /** The body of a message whose only field is {@code Id} (at least {@code minId}); the parser is at its start. */
    static long idOnly(JsonParser p, long minId) throws IOException {
        long id = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            expect(p.currentName().equals("Id") && id < 0);
            id = ranged(p, minId, Message.MAX_ID);
        }
        expect(id >= 0);
        return id;
    }

    /** A non-negative 32-bit index. */
    static int index(JsonParser p) throws IOException {
        return (int) ranged(p, 0, Integer.MAX_VALUE);
    }

    /** An integral number (no fraction, no exponent form Jackson reads as a float) within {@code min..max}. */
    static long ranged(JsonParser p, long min, long max) throws IOException {
        expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT);
        long value = integral(p);
        expect(value >= min && value <= max);
        return value;
    }

    /** A signed 32-bit integral number. */
    static int int32(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT);
        long value = integral(p);
        expect(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE);
        return (int) value;
    }

    /**
     * The value of the integral number the parser is at ({@code VALUE_NUMBER_INT}), read from its
     * characters; one of more than {@value #MOST_DIGITS} digits steps aside (the tree path takes it,
     * and no field read here takes one). Not Jackson's own conversion: that one branches on the
     * number of digits, and each count the compiled reader has not seen yet (a message Id passing
     * 9,999, 99,999, ...) throws the whole compiled reader away to be compiled again.
     */
    static long integral(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int at = p.getTextOffset();
        int end = at + p.getTextLength();
        boolean negative = at < end && chars[at] == '-';
        if (negative) {
            at++;
        }
        expect(end - at >= 1 && end - at <= MOST_DIGITS);
        long value = 0;
        for (int i = at; i < end; i++) {
            int digit = chars[i] - '0';
            expect(digit >= 0 && digit <= 9);
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** Most digits {@link #integral} reads: every such number fits a {@code long}. */
    static final int MOST_DIGITS = 18;

    /** A string. */
    static String text(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** A boolean, as 1 (true) or 0 (false). */
    static int bool(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE);
        return token == JsonToken.VALUE_TRUE ? 1 : 0;
    }
}
