package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.ServerMessage;
import java.util.List;

/**
 * The commonest frame a client reads, a lone {@code Ok}, read without a JSON parser: only the
 * exact compact text {@code [{"Ok":{"Id":N}}]} with N written as JSON writes an integer (no sign,
 * no leading zero) and within 0..{@link Message#MAX_ID}. Every other text, including the same
 * message with spaces or a number the parsers would refuse, is left to them (null), so this
 * accepts nothing they reject and reads nothing differently. The same text in every spec
 * version. Internal API.
 */
public final class OkFrameScanner {

    private static final String HEAD = "[{\"Ok\":{\"Id\":";
    private static final String TAIL = "}}]";
    /** Digits of {@link Message#MAX_ID} (4294967295). */
    private static final int MAX_DIGITS = 10;

    private OkFrameScanner() {
    }

    /**
     * The frame's one Ok, when the frame is exactly a lone compact Ok.
     *
     * @param frame a received frame
     * @return the message as a one-element list, or null when the parsers must read the frame
     */
    public static List<ServerMessage> read(String frame) {
        int end = frame.length() - TAIL.length();
        int digits = end - HEAD.length();
        if (digits < 1 || digits > MAX_DIGITS || !frame.startsWith(HEAD) || !frame.startsWith(TAIL, end)) {
            return null;
        }
        int start = HEAD.length();
        if (digits > 1 && frame.charAt(start) == '0') {
            return null;
        }
        long id = 0;
        for (int i = start; i < end; i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            id = id * 10 + (c - '0');
        }
        return id > Message.MAX_ID ? null : List.of(new Ok(id));
    }
}
