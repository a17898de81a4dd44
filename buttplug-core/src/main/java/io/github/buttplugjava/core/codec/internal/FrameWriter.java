package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes one frame: a JSON array of one-key message objects. Usage: {@link #begin(String)},
 * fields through {@link #json()}, {@link #end()}, repeated; then {@link #finish()}. Not thread-safe.
 */
public final class FrameWriter {
    private final StringWriter out = new StringWriter(128);
    private final JsonGenerator json;
    private int count;

    /** A writer positioned inside an open array. */
    public FrameWriter() {
        try {
            json = WireJson.MAPPER.getFactory().createGenerator(out);
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator, positioned for fields of the current message body. */
    public JsonGenerator json() {
        return json;
    }

    /** Opens <code>{"name":{</code>. */
    public void begin(String name) throws IOException {
        json.writeStartObject();
        json.writeFieldName(name);
        json.writeStartObject();
        count++;
    }

    /** Closes the current message. */
    public void end() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    /** How many messages were begun. */
    public int count() {
        return count;
    }

    /** Closes the array and returns the frame text. */
    public String finish() {
        try {
            json.writeEndArray();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
