package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.codec.internal.FrameWriter;
import io.github.buttplugjava.core.codec.internal.HotFrameWriter;
import io.github.buttplugjava.core.codec.internal.V4ClientWriter;
import io.github.buttplugjava.core.codec.internal.V4ServerWriter;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.ServerMessage;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** The direct writer of hot frames writes exactly what the Jackson writers write, or steps aside. */
class HotFrameWriterTest {
    @Property(tries = 1000)
    void writesTheSameTextAsTheJacksonWriters(@ForAll("hotLists") List<Message> messages) throws IOException {
        String hot = HotFrameWriter.write(messages);
        assertThat(hot).isEqualTo(jackson(messages));
        assertThat(Schemas.errorsAgainstAll(hot)).as(hot).isEmpty();
    }

    @Example
    void stepsAsideForAnyOtherMessageOrAnEmptyList() {
        assertThat(HotFrameWriter.write(List.of())).isNull();
        assertThat(HotFrameWriter.write(List.of(new Ok(1), new DeviceList(2, List.of())))).isNull();
    }

    @Provide
    Arbitrary<List<Message>> hotLists() {
        return HotFrameReaderTest.hotMessages().list().ofMinSize(1).ofMaxSize(3);
    }

    private static String jackson(List<Message> messages) throws IOException {
        FrameWriter frame = new FrameWriter();
        for (Message message : messages) {
            if (message instanceof ClientMessage client) {
                V4ClientWriter.write(frame, client);
            } else {
                V4ServerWriter.write(frame, (ServerMessage) message);
            }
        }
        return frame.finish();
    }
}
