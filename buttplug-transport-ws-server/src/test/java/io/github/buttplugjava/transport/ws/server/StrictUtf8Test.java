package io.github.buttplugjava.transport.ws.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A text frame's bytes become its text only when they are valid UTF-8, on heap and direct buffers alike. */
class StrictUtf8Test {

    private static final List<Function<byte[], ByteBuf>> BUFFERS = List.of(Unpooled::wrappedBuffer, bytes -> {
        ByteBuf direct = Unpooled.directBuffer(bytes.length);
        return direct.writeBytes(bytes);
    });

    @Test
    void validTextIsDecodedAsItIsIncludingAPeersOwnReplacementCharacter() throws Exception {
        for (String text : List.of("", "[{\"Ping\":{\"Id\":1}}]", "Zoë's toy", "\uD83D\uDE00 smile",
                "a \uFFFD in the name", "\uFFFD")) {
            for (Function<byte[], ByteBuf> buffer : BUFFERS) {
                ByteBuf b = buffer.apply(text.getBytes(StandardCharsets.UTF_8));
                try {
                    assertThat(ServerLink.strictUtf8(b)).isEqualTo(text);
                } finally {
                    b.release();
                }
            }
        }
    }

    @Test
    void malformedSequencesAreRefused() {
        List<byte[]> malformed = List.of(
                new byte[] {'[', (byte) 0xff, (byte) 0xfe, ']'},            // never in UTF-8
                new byte[] {'a', (byte) 0xc3},                                // truncated two-byte sequence
                new byte[] {(byte) 0xc0, (byte) 0x80},                        // overlong NUL
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},           // an encoded surrogate
                new byte[] {(byte) 0xef, (byte) 0xbf, (byte) 0xbd, (byte) 0x80}); // a real U+FFFD, then a stray byte
        for (byte[] bytes : malformed) {
            for (Function<byte[], ByteBuf> buffer : BUFFERS) {
                ByteBuf b = buffer.apply(bytes);
                try {
                    assertThatThrownBy(() -> ServerLink.strictUtf8(b)).isInstanceOf(CharacterCodingException.class);
                } finally {
                    b.release();
                }
            }
        }
    }
}
