package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson configuration of the codec: strict duplicates, bounded nesting and numbers. */
public final class WireJson {
    /** Deepest nesting a frame may have; the deepest legal message (a v4 DeviceList) needs 11. */
    public static final int MAX_NESTING_DEPTH = 24;

    /**
     * Thread-safe mapper used only for tree reading; no default typing, no data binding. Duplicate
     * keys are caught while the tree is built (cheaper than the parser's own detection).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(64)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private WireJson() {
    }
}
