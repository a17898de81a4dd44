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
        JsonParser.NumberType numberType = p.getNumberType();
        expect(numberType == JsonParser.NumberType.INT || numberType == JsonParser.NumberType.LONG);
        long value = p.getLongValue();
        expect(value >= min && value <= max);
        return value;
    }

    /** A signed 32-bit integral number. */
    static int int32(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT);
        return p.getIntValue();
    }

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
