package io.github.buttplugjava.core.message;

/**
 * A Buttplug protocol message in the v4 model.
 *
 * <p>Every message has an {@link #id() Id}, an unsigned 32-bit value held in a {@code long}.
 * Messages are immutable; {@link #withId(long)} returns a copy with another Id.
 */
public sealed interface Message permits ClientMessage, ServerMessage {

    /** Largest legal Id (2^32 - 1). */
    long MAX_ID = 0xFFFF_FFFFL;

    /** Id reserved for server events (device changes, readings of subscriptions, async errors). */
    long SYSTEM_ID = 0;

    /**
     * The message Id: 0..{@link #MAX_ID}.
     *
     * @return the Id, within 0..{@link #MAX_ID}; {@link #SYSTEM_ID} for a server event
     */
    long id();

    /**
     * A copy of this message with another Id.
     *
     * @param id the new Id, within 0..{@link #MAX_ID}
     * @return a message equal to this one except for its Id
     */
    Message withId(long id);

    /**
     * The wire name of this message type, for example {@code "OutputCmd"}.
     *
     * @return the message name as it appears on the wire
     */
    default String messageName() {
        return getClass().getSimpleName();
    }

    /**
     * Checks an Id is within 0..{@link #MAX_ID}.
     *
     * @param id the Id to check
     * @return {@code id}, unchanged
     * @throws IllegalArgumentException when it is not
     */
    static long checkId(long id) {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("Id must be within 0.." + MAX_ID + ": " + id);
        }
        return id;
    }
}
