package io.github.buttplugjava.core.client;

import java.util.concurrent.CompletionException;

/** Unwrapping of the {@link CompletionException}s that future chains put around a failure. */
final class Failures {

    private Failures() {
    }

    /** The failure inside any number of {@link CompletionException} wrappers. */
    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
