package io.github.buttplugjava.core.codec.internal;

import static io.github.buttplugjava.core.codec.internal.StreamingStepAside.expect;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.int32;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.ranged;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streaming decode of a v4 {@code DeviceList} body, for {@link HotFrameReader}: the parser's tokens
 * go straight into the records. It accepts exactly what {@link V4DeviceListReader} accepts (every
 * field once, the same JSON types, ranges, {@code [min, max]} pairs and the key of each device and
 * feature equal to its index) and steps aside ({@link StreamingStepAside}) on anything else, so the
 * tree path gives the error. It also steps aside on output and input types it does not know (the
 * tree path skips those, and must still see their duplicate keys).
 */
final class HotDeviceListReader {
    /** Bits of the fields read so far, so a second copy of one steps aside (the tree rejects it). */
    private static final int ID = 1;
    private static final int DEVICES = 2;
    private static final int NAME = 1;
    private static final int INDEX = 2;
    private static final int GAP = 4;
    private static final int DISPLAY = 8;
    private static final int FEATURES = 16;
    private static final int DESCRIPTION = 4;
    private static final int OUTPUT = 8;
    private static final int INPUT = 16;
    private static final int VALUE = 1;
    private static final int DURATION = 2;
    private static final int COMMAND = 2;

    private HotDeviceListReader() {
    }

    /**
     * Reads a DeviceList body; the parser is at its {@code START_OBJECT} and is left at its
     * {@code END_OBJECT}.
     *
     * @param p the parser
     * @return the message
     * @throws IOException when the parser fails
     * @throws StreamingStepAside when the tree path must decide
     */
    static DeviceList read(JsonParser p) throws IOException {
        int seen = 0;
        long id = 0;
        List<DeviceInfo> devices = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "Id" -> {
                    seen = once(seen, ID);
                    id = ranged(p, 0, Message.MAX_ID);
                }
                case "Devices" -> {
                    seen = once(seen, DEVICES);
                    devices = devices(p);
                }
                default -> throw StreamingStepAside.INSTANCE;
            }
        }
        expect(seen == (ID | DEVICES));
        return new DeviceList(id, devices);
    }

    private static List<DeviceInfo> devices(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT);
        List<DeviceInfo> devices = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            expect(p.nextToken() == JsonToken.START_OBJECT);
            devices.add(device(p, key));
        }
        return devices;
    }

    private static DeviceInfo device(JsonParser p, String key) throws IOException {
        int seen = 0;
        String name = null;
        int index = 0;
        long gap = 0;
        String display = null;
        List<DeviceFeature> features = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "DeviceName" -> {
                    seen = once(seen, NAME);
                    name = RepeatedText.shared(text(p));
                }
                case "DeviceIndex" -> {
                    seen = once(seen, INDEX);
                    index = (int) ranged(p, 0, Integer.MAX_VALUE);
                }
                case "DeviceMessageTimingGap" -> {
                    seen = once(seen, GAP);
                    gap = ranged(p, 0, Message.MAX_ID);
                }
                case "DeviceDisplayName" -> {
                    seen = once(seen, DISPLAY);
                    JsonToken token = p.nextToken();
                    expect(token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL);
                    display = token == JsonToken.VALUE_NULL ? null : p.getText();
                }
                case "DeviceFeatures" -> {
                    seen = once(seen, FEATURES);
                    features = features(p);
                }
                default -> throw StreamingStepAside.INSTANCE;
            }
        }
        expect((seen | DISPLAY) == (NAME | INDEX | GAP | DISPLAY | FEATURES) && keyed(key, index));
        return new DeviceInfo(index, name, display, gap, features);
    }

    private static List<DeviceFeature> features(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT);
        List<DeviceFeature> features = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            expect(p.nextToken() == JsonToken.START_OBJECT);
            features.add(feature(p, key));
        }
        return features;
    }

    private static DeviceFeature feature(JsonParser p, String key) throws IOException {
        int seen = 0;
        int index = 0;
        String description = null;
        Map<OutputType, OutputLimits> outputs = new EnumMap<>(OutputType.class);
        Map<InputType, InputLimits> inputs = new EnumMap<>(InputType.class);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "FeatureIndex" -> {
                    seen = once(seen, INDEX);
                    index = (int) ranged(p, 0, Integer.MAX_VALUE);
                }
                case "FeatureDescription" -> {
                    seen = once(seen, DESCRIPTION);
                    description = RepeatedText.shared(text(p));
                }
                case "Output" -> {
                    seen = once(seen, OUTPUT);
                    if (objectOrNull(p)) {
                        outputs(p, outputs);
                    }
                }
                case "Input" -> {
                    seen = once(seen, INPUT);
                    if (objectOrNull(p)) {
                        inputs(p, inputs);
                    }
                }
                default -> throw StreamingStepAside.INSTANCE;
            }
        }
        expect((seen & (INDEX | DESCRIPTION)) == (INDEX | DESCRIPTION) && keyed(key, index));
        return new DeviceFeature(index, description, outputs, inputs);
    }

    private static void outputs(JsonParser p, Map<OutputType, OutputLimits> outputs) throws IOException {
        long types = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            OutputType type = OUTPUT_TYPES.get(p.currentName());
            expect(type != null && p.nextToken() == JsonToken.START_OBJECT);
            types = onceOf(types, type.ordinal());
            boolean timed = type == OutputType.HW_POSITION_WITH_DURATION;
            int seen = 0;
            Range value = null;
            Range duration = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                switch (p.currentName()) {
                    case "Value" -> {
                        seen = once(seen, VALUE);
                        value = range(p);
                    }
                    case "Duration" -> {
                        expect(timed);
                        seen = once(seen, DURATION);
                        duration = range(p);
                    }
                    default -> throw StreamingStepAside.INSTANCE;
                }
            }
            expect(seen == (timed ? VALUE | DURATION : VALUE));
            outputs.put(type, new OutputLimits(value, duration));
        }
    }

    private static void inputs(JsonParser p, Map<InputType, InputLimits> inputs) throws IOException {
        long types = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            InputType type = INPUT_TYPES.get(p.currentName());
            expect(type != null && p.nextToken() == JsonToken.START_OBJECT);
            types = onceOf(types, type.ordinal());
            int seen = 0;
            List<Range> ranges = null;
            Set<InputCommandType> commands = EnumSet.noneOf(InputCommandType.class);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                switch (p.currentName()) {
                    case "Value" -> {
                        seen = once(seen, VALUE);
                        expect(p.nextToken() == JsonToken.START_ARRAY);
                        ranges = new ArrayList<>(1);
                        JsonToken token;
                        while ((token = p.nextToken()) == JsonToken.START_ARRAY) {
                            ranges.add(rangeBody(p));
                        }
                        expect(token == JsonToken.END_ARRAY && !ranges.isEmpty());
                    }
                    case "Command" -> {
                        seen = once(seen, COMMAND);
                        expect(p.nextToken() == JsonToken.START_ARRAY);
                        JsonToken token;
                        int count = 0;
                        while ((token = p.nextToken()) == JsonToken.VALUE_STRING) {
                            count++;
                            InputCommandType command = WireNames.command(p.getText()).orElse(null);
                            if (command != null) {
                                commands.add(command);
                            }
                        }
                        expect(token == JsonToken.END_ARRAY && count > 0);
                    }
                    default -> throw StreamingStepAside.INSTANCE;
                }
            }
            expect(seen == (VALUE | COMMAND));
            if (!commands.isEmpty()) {
                inputs.put(type, new InputLimits(ranges, commands));
            }
        }
    }

    /** A {@code [min, max]} pair of 32-bit integers, max not below min. */
    private static Range range(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.START_ARRAY);
        return rangeBody(p);
    }

    /** The rest of a pair; the parser is at its {@code START_ARRAY}. */
    private static Range rangeBody(JsonParser p) throws IOException {
        int min = int32(p);
        int max = int32(p);
        expect(p.nextToken() == JsonToken.END_ARRAY && max >= min);
        return new Range(min, max);
    }

    /** An object or null; true for an object (the parser then at its start), false for null. */
    private static boolean objectOrNull(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        expect(token == JsonToken.START_OBJECT || token == JsonToken.VALUE_NULL);
        return token == JsonToken.START_OBJECT;
    }

    /** A type key once per map (the tree rejects a duplicate key); enums of up to 64 constants. */
    private static long onceOf(long seen, int ordinal) {
        long bit = 1L << ordinal;
        expect(ordinal < Long.SIZE && (seen & bit) == 0);
        return seen | bit;
    }

    private static int once(int seen, int bit) {
        expect((seen & bit) == 0);
        return seen | bit;
    }

    /** Whether an index-keyed map's key is the decimal text of its entry's index, as the tree path requires. */
    private static boolean keyed(String key, int index) {
        int length = key.length();
        if (length == 0 || length > 10 || (length > 1 && key.charAt(0) == '0')) {
            return false;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value == index;
    }

    /** Exact wire names only: a lenient match goes the tree path, which decides as before. */
    private static final Map<String, OutputType> OUTPUT_TYPES = new java.util.HashMap<>();
    private static final Map<String, InputType> INPUT_TYPES = new java.util.HashMap<>();

    static {
        for (OutputType t : OutputType.values()) {
            OUTPUT_TYPES.put(t.wireName(), t);
        }
        for (InputType t : InputType.values()) {
            INPUT_TYPES.put(t.wireName(), t);
        }
    }
}
