package io.github.buttplugjava.core.codec.internal;

/**
 * Thrown inside the streaming readers to leave the streaming path: the frame is then decoded on
 * the tree path, which gives the message or the error. Carries no stack trace and is never seen
 * outside {@link HotFrameReader#read}.
 */
final class StreamingStepAside extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The one instance: it carries nothing, so it can be shared. */
    static final StreamingStepAside INSTANCE = new StreamingStepAside();

    private StreamingStepAside() {
        super("not on the streaming path", null, false, false);
    }

    /**
     * Leaves the streaming path unless {@code condition} holds.
     *
     * @param condition what the tree path would also accept
     * @throws StreamingStepAside when it does not hold
     */
    static void expect(boolean condition) {
        if (!condition) {
            throw INSTANCE;
        }
    }
}
