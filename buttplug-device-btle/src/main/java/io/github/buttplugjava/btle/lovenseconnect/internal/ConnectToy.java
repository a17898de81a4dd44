package io.github.buttplugjava.btle.lovenseconnect.internal;

import java.util.Objects;

/**
 * One toy in the app's answer to {@code GetToys}.
 *
 * @param id the toy's id (the app's address for it)
 * @param name the toy's model name as the app reports it, e.g. {@code "nora"}
 * @param connected whether the app has the toy connected ({@code status})
 * @param battery the battery level 0..100 (0 when the app reports none)
 */
public record ConnectToy(String id, String name, boolean connected, int battery) {

    /**
     * Checks the fields.
     *
     * @param id the toy's id
     * @param name the toy's model name
     * @param connected whether the app has the toy connected
     * @param battery the battery level 0..100
     * @throws IllegalArgumentException when the battery level is outside 0..100
     */
    public ConnectToy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (battery < 0 || battery > 100) {
            throw new IllegalArgumentException("battery level must be 0..100, got " + battery);
        }
    }

    /**
     * The model identifier of the device configuration: the name with its first letter in upper
     * case ({@code "nora"} is {@code "Nora"}), as the configuration spells the models.
     *
     * @return the identifier to look the toy up with
     */
    public String identifier() {
        if (name.isEmpty()) {
            return name;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
