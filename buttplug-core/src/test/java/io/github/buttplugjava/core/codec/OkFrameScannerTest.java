package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.OkFrameScanner;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The scanner of a lone Ok reads exactly what the tree path reads, or hands the frame back: on
 * any frame near the Ok's text it answers null or the tree path's message, and never answers for
 * a frame the tree path rejects; every compact Ok a server of ours writes takes the scanner.
 */
class OkFrameScannerTest {
    private static final int MAX = 1 << 20;
    private final JsonCodec json = new JsonCodec();

    @Property(tries = 3000)
    void scannerAgreesWithTheTreeOrStepsAside(@ForAll("nearOks") String frame) {
        List<ServerMessage> scanned = OkFrameScanner.read(frame);
        List<Message> tree;
        try {
            tree = treeDecode(frame);
        } catch (DecodeException rejected) {
            assertThat(scanned).as(frame).isNull();
            return;
        }
        if (scanned != null) {
            assertThat(List.<Message>copyOf(scanned)).as(frame).isEqualTo(tree);
        }
    }

    @Property(tries = 500)
    void everyWrittenOkTakesTheScanner(@ForAll("ids") long id) {
        String frame = json.encode(List.of(new Ok(id)));
        assertThat(OkFrameScanner.read(frame)).as(frame).containsExactly(new Ok(id));
    }

    @Example
    void edgesOfTheIdAndTheTextStepAside() {
        assertThat(OkFrameScanner.read("[{\"Ok\":{\"Id\":0}}]")).containsExactly(new Ok(0));
        assertThat(OkFrameScanner.read("[{\"Ok\":{\"Id\":4294967295}}]")).containsExactly(new Ok(Message.MAX_ID));
        for (String stepsAside : List.of("[{\"Ok\":{\"Id\":4294967296}}]", "[{\"Ok\":{\"Id\":01}}]",
                "[{\"Ok\":{\"Id\":-1}}]", "[{\"Ok\":{\"Id\":}}]", "[{\"Ok\":{\"Id\":1.0}}]", "[{\"Ok\":{\"Id\":1e2}}]",
                "[{\"Ok\":{\"Id\":99999999999}}]", "[{\"Ok\": {\"Id\":1}}]", "[{\"Ok\":{\"Id\":1}}] ",
                "[{\"Ok\":{\"Id\":1}},{\"Ok\":{\"Id\":2}}]", "[{\"Ok\":{\"Id\":1,\"Id\":2}}]", "")) {
            assertThat(OkFrameScanner.read(stepsAside)).as(stepsAside).isNull();
        }
    }

    @Provide
    Arbitrary<Long> ids() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, Message.MAX_ID),
                Arbitraries.of(0L, 1L, 9L, 10L, 4294967295L, 999999999L, 1000000000L));
    }

    @Provide
    Arbitrary<String> nearOks() {
        Arbitrary<String> valid = ids().map(id -> "[{\"Ok\":{\"Id\":" + id + "}}]");
        Arbitrary<String> replacement = Arbitraries.of("", " ", "-", "0", "00", "1", ".", "e", "E2", "+",
                "4294967296", "99999999999", "\"", "{", "}", "[", "]", ",", ":", "\\u0030", "Ok", "Id");
        return Arbitraries.oneOf(valid,
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 3), replacement),
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 1), replacement));
    }

    private static List<Message> treeDecode(String frame) {
        List<Message> out = new ArrayList<>();
        for (WireEntry entry : FrameReader.read(frame, MAX)) {
            out.add(JsonCodec.decode(entry));
        }
        return out;
    }
}
