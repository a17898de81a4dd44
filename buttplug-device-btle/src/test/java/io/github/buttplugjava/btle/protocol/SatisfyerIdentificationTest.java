package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a Satisfyer's model is found, as the reference's {@code satisfyer.rs} finds it: any advertised
 * manufacturer data entry decides (its big-endian u32, "0" when it is not four bytes, also when it
 * is empty); only a toy that advertises none is asked through {@code rxblemodel}.
 */
class SatisfyerIdentificationTest {

    @Test
    void fourBytesOfManufacturerDataAreTheModel() throws Exception {
        ScriptedIo io = new ScriptedIo("SF Curvy").withManufacturerData(Map.of(93, Frames.bytes(0, 0, 0x27, 0x16)));
        HandlerProbe p = HandlerProbe.connect("satisfyer", io);
        assertThat(p.definition.identifier()).isEqualTo("10006");
        assertThat(io.traffic).containsExactly(HandlerProbe.write(Endpoint.COMMAND, true, 0x01));
    }

    @Test
    void emptyManufacturerDataIsModelZeroAndNothingIsRead() throws Exception {
        // The read would answer a real model: the reference never asks, and neither do we.
        ScriptedIo io = new ScriptedIo("SF Unknown").withManufacturerData(Map.of(93, new byte[0]))
                .answerRead(Endpoint.RXBLEMODEL, Frames.bytes(0, 0, 0x27, 0x16));
        HandlerProbe p = HandlerProbe.connect("satisfyer", io);
        assertThat(p.definition.identifier()).isEqualTo("0");
        assertThat(p.definition.name()).isEqualTo("Satisfyer Device");
        assertThat(io.read(Endpoint.RXBLEMODEL).get()).as("the queued model answer is still unread")
                .containsExactly(Frames.bytes(0, 0, 0x27, 0x16));
    }

    @Test
    void manufacturerDataOfAnotherLengthIsModelZero() throws Exception {
        ScriptedIo io = new ScriptedIo("SF X").withManufacturerData(Map.of(93, Frames.bytes(0, 0, 0x27)));
        assertThat(HandlerProbe.connect("satisfyer", io).definition.identifier()).isEqualTo("0");
    }

    @Test
    void withoutManufacturerDataTheModelIsRead() throws Exception {
        ScriptedIo io = new ScriptedIo("SF Y").answerRead(Endpoint.RXBLEMODEL, Frames.bytes(0, 0, 0x27, 0x16));
        HandlerProbe p = HandlerProbe.connect("satisfyer", io);
        assertThat(p.definition.identifier()).isEqualTo("10006");
    }
}
