package io.github.buttplugjava.btle.config;

import java.util.List;
import java.util.Objects;

/**
 * A protocol's defaults or one of its per-model configurations.
 *
 * @param identifiers    the model identifiers this configuration is for (empty for defaults)
 * @param name           the device name
 * @param id             the configuration's UUID string
 * @param variant        the protocol variant, or null
 * @param messageGapMs   least time between commands, or null
 * @param features       features, or null to take the protocol defaults'
 */
public record DeviceTemplate(List<String> identifiers, String name, String id, String variant,
                             Integer messageGapMs, List<FeatureTemplate> features) {

    /**
     * Copies the lists.
     *
     * @param identifiers the model identifiers this configuration is for (empty for defaults)
     * @param name the device name
     * @param id the configuration's UUID string
     * @param variant the protocol variant, or null
     * @param messageGapMs least time between commands, or null
     * @param features features, or null to take the protocol defaults'
     */
    public DeviceTemplate {
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(name, "name");
        features = features == null ? null : List.copyOf(features);
    }

    /** This configuration over {@code defaults}: unset parts come from the defaults. */
    DeviceTemplate over(DeviceTemplate defaults) {
        return new DeviceTemplate(identifiers, name, id,
                variant != null ? variant : defaults.variant,
                messageGapMs != null ? messageGapMs : defaults.messageGapMs,
                features != null ? features : defaults.features);
    }
}
