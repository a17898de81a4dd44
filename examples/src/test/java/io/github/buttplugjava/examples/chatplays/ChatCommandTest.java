package io.github.buttplugjava.examples.chatplays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatCommandTest {

    @Test
    void readsTheFourCommandsCaseInsensitively() {
        assertThat(ChatCommand.parse("!vibe 40")).contains(new ChatCommand.Vibe(40));
        assertThat(ChatCommand.parse("  !VIBE 100%  ")).contains(new ChatCommand.Vibe(100));
        assertThat(ChatCommand.parse("!vibe 0 please")).contains(new ChatCommand.Vibe(0));
        assertThat(ChatCommand.parse("!Pulse")).contains(new ChatCommand.Pulse());
        assertThat(ChatCommand.parse("!stop now")).contains(new ChatCommand.Stop());
        assertThat(ChatCommand.parse("!help")).contains(new ChatCommand.Help());
    }

    @Test
    void otherChatIsNotACommand() {
        assertThat(ChatCommand.parse("hello !vibe 40")).isEmpty();
        assertThat(ChatCommand.parse("!vibes 40")).isEmpty();
        assertThat(ChatCommand.parse("")).isEmpty();
        assertThat(ChatCommand.parse(null)).isEmpty();
    }

    @Test
    void badLevelsAreInvalidWithAReasonInChatTerms() {
        assertThat(ChatCommand.parse("!vibe")).get().isInstanceOf(ChatCommand.Invalid.class)
                .extracting(c -> ((ChatCommand.Invalid) c).why()).asString().contains("0 to 100");
        assertThat(ChatCommand.parse("!vibe 101")).get().isEqualTo(new ChatCommand.Invalid("!vibe goes up to 100"));
        assertThat(ChatCommand.parse("!vibe -5")).get().isInstanceOf(ChatCommand.Invalid.class);
        assertThat(ChatCommand.parse("!vibe 4.5")).get().isInstanceOf(ChatCommand.Invalid.class);
        assertThat(ChatCommand.parse("!vibe 99999999999999999999")).get().isInstanceOf(ChatCommand.Invalid.class);
        assertThat(ChatCommand.parse("!vibe \u0663\u0660")).get().isInstanceOf(ChatCommand.Invalid.class);
        assertThatThrownBy(() -> new ChatCommand.Vibe(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
