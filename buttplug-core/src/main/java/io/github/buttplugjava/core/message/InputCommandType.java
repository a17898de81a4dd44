package io.github.buttplugjava.core.message;

import java.util.Optional;

/** What an {@link InputCmd} asks for. */
public enum InputCommandType {
    /** One reading, answered with an {@link InputReading} carrying the request Id. */
    READ("Read"),
    /** Readings as they come, as {@link InputReading} events with Id 0; answered with {@link Ok}. */
    SUBSCRIBE("Subscribe"),
    /** Ends a subscription; answered with {@link Ok}. */
    UNSUBSCRIBE("Unsubscribe");

    private final String wireName;

    InputCommandType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The PascalCase name used on the wire.
     *
     * @return the wire name, e.g. {@code "Subscribe"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The command with this wire name (case-insensitive).
     *
     * @param name the wire name, in any case
     * @return the command, or empty when the name is unknown
     */
    public static Optional<InputCommandType> fromWireName(String name) {
        for (InputCommandType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
