package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.connector.MessageLimits;
import picocli.CommandLine.Option;

/**
 * The per-link message limits of {@code serve} and {@code hub} (docs/LIMITS.md §2), as options;
 * what is left out keeps {@link MessageLimits#DEFAULT}.
 */
final class MessageLimitOptions {

    @Option(names = "--max-messages-per-frame", paramLabel = "N",
            description = "Most messages in one frame; a larger frame is refused whole with an Error (default 64).")
    Integer maxMessagesPerFrame;

    @Option(names = "--messages-per-second", paramLabel = "N",
            description = "Sustained messages per second per client and per device present (up to 32 devices counted); the excess is refused with an Error, stops never are (default 1000).")
    Double messagesPerSecond;

    @Option(names = "--message-burst", paramLabel = "N",
            description = "Messages a client may send at once above that rate, per device present as above (default 2000).")
    Integer burst;

    @Option(names = "--max-queued-frames", paramLabel = "N",
            description = "Most frames of one client waiting to be handled; reading pauses at half, the client is closed when full (default 256).")
    Integer maxQueuedFrames;

    @Option(names = "--max-queued-bytes", paramLabel = "BYTES",
            description = "The same in bytes (default 4194304).")
    Long maxQueuedBytes;

    /** The limits: the defaults with what was given. */
    MessageLimits limits() {
        MessageLimits d = MessageLimits.DEFAULT;
        return new MessageLimits(
                maxMessagesPerFrame == null ? d.maxMessagesPerFrame() : maxMessagesPerFrame,
                messagesPerSecond == null ? d.messagesPerSecond() : messagesPerSecond,
                burst == null ? d.burst() : burst,
                maxQueuedFrames == null ? d.maxQueuedFrames() : maxQueuedFrames,
                maxQueuedBytes == null ? d.maxQueuedBytes() : maxQueuedBytes,
                d.rateDevices());
    }
}
