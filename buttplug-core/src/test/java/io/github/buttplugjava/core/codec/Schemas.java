package io.github.buttplugjava.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official message schemas (test resources {@code schema/}, BSD-3-Clause upstream copies).
 * {@link #all()} is the v4 file's top-level {@code anyOf} over every version, which is what the
 * reference server validates against (spec.md §13, last row).
 */
final class Schemas {
    private static final Map<SpecVersion, JsonSchema> BY_VERSION = new EnumMap<>(SpecVersion.class);

    static {
        for (SpecVersion v : SpecVersion.values()) {
            VersionFlag flag = v.major() <= 2 ? VersionFlag.V6 : VersionFlag.V7;
            try (InputStream in = Schemas.class.getResourceAsStream("/schema/buttplug-schema-v" + v.major() + ".json")) {
                BY_VERSION.put(v, JsonSchemaFactory.getInstance(flag).getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Schemas() {
    }

    /** Errors against the top-level schema of buttplug-schema-v4.json (all versions). */
    static String errorsAgainstAll(String frame) {
        return errors(BY_VERSION.get(SpecVersion.V4), JsonTrees.tree(frame));
    }

    /** Errors against the version's own schema file. */
    static String errorsAgainstOwn(SpecVersion version, String frame) {
        return errors(BY_VERSION.get(version), JsonTrees.tree(frame));
    }

    private static String errors(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }
}
