package io.github.buttplugjava.transport.ws.internal;

/**
 * Joins the parts in which the JDK WebSocket hands over one text message, and refuses a message
 * that grows past a byte bound before it is complete: a peer cannot make the client hold more
 * than {@code maxBytes} (plus one part) of a single message. Not thread-safe: one reader.
 */
final class TextAssembler {

    /** What one part did. */
    enum Outcome {
        /** More parts of the message are to come. */
        PARTIAL,
        /** The message is complete: take it with {@link #take()}. */
        COMPLETE,
        /** The message passed the bound; what was kept is dropped. */
        TOO_BIG
    }

    private final long maxBytes;
    private final StringBuilder text = new StringBuilder();
    private long bytes;

    TextAssembler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds one part; {@code last} marks the message's end. */
    Outcome add(CharSequence part, boolean last) {
        bytes += TextSizes.utf8Length(part);
        if (bytes > maxBytes) {
            clear();
            return Outcome.TOO_BIG;
        }
        text.append(part);
        return last ? Outcome.COMPLETE : Outcome.PARTIAL;
    }

    /** The complete message; the assembler is empty afterwards. */
    String take() {
        String message = text.toString();
        clear();
        return message;
    }

    /** Chars kept of the message in progress. */
    int keptChars() {
        return text.length();
    }

    private void clear() {
        text.setLength(0);
        text.trimToSize();
        bytes = 0;
    }
}
