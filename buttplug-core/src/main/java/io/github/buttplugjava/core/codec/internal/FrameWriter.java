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

    /**
     * The generator, positioned for fields of the current message body.
     *
     * @return the generator; write only fields of the current body with it
     */
    public JsonGenerator json() {
        return json;
    }

    /**
     * Opens <code>{"name":{</code>.
     *
     * @param name the message's wire name
     * @throws IOException when the generator fails (it writes to memory, so only on a bug)
     */
    public void begin(String name) throws IOException {
        json.writeStartObject();
        json.writeFieldName(name);
        json.writeStartObject();
        count++;
    }

    /**
     * Closes the current message.
     *
     * @throws IOException when the generator fails (it writes to memory, so only on a bug)
     */
    public void end() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * How many messages were begun.
     *
     * @return the number of {@link #begin} calls so far
     */
    public int count() {
        return count;
    }

    /**
     * Closes the array and returns the frame text.
     *
     * @return the frame text, a JSON array
     */
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
