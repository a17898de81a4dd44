package io.github.buttplugjava.btle.internal;

/** The innermost cause of a failure, as device sources log why a device was skipped. */
public final class RootCause {

    private RootCause() {
    }

    /**
     * The innermost cause's simple class name and message, e.g. {@code "BleException: no such port"}.
     *
     * @param failure the failure, possibly wrapped (a {@link java.util.concurrent.CompletionException})
     * @return its root cause, described
     */
    public static String describe(Throwable failure) {
        Throwable c = failure;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
}
