package io.github.buttplugjava.examples.chatplays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatWindowTest {

    private static ChatCommand vibe(int percent) {
        return new ChatCommand.Vibe(percent);
    }

    @Test
    void theLevelIsTheMedianOfEachChattersLatestRequest() {
        ChatWindow window = new ChatWindow(100);
        window.add("alice", vibe(100));
        window.add("alice", vibe(20));
        window.add("bob", vibe(60));
        window.add("carol", vibe(90));
        assertThat(window.close()).isEqualTo(new Decision(60, false, 3));
    }

    @Test
    void anEvenCountTakesTheLowerMiddleAndOneLoudChatterCannotPullIt() {
        ChatWindow window = new ChatWindow(100);
        window.add("alice", vibe(10));
        window.add("bob", vibe(30));
        window.add("carol", vibe(50));
        window.add("troll", vibe(100));
        assertThat(window.close().percent()).isEqualTo(30);
    }

    @Test
    void aStopWinsOverEverythingInItsWindowAndOnlyThatWindow() {
        ChatWindow window = new ChatWindow(100);
        window.add("alice", vibe(80));
        window.add("bob", new ChatCommand.Stop());
        window.add("carol", vibe(80));
        window.add("dave", new ChatCommand.Pulse());
        assertThat(window.close()).isEqualTo(Decision.STOP);
        window.add("alice", vibe(80));
        assertThat(window.close().percent()).isEqualTo(80);
    }

    @Test
    void aQuietWindowStopsAndAPulseIsPlayedOnTopOfTheMedian() {
        ChatWindow window = new ChatWindow(100);
        assertThat(window.close()).isEqualTo(Decision.STOP);
        window.add("alice", vibe(40));
        window.add("bob", new ChatCommand.Pulse());
        assertThat(window.close()).isEqualTo(new Decision(40, true, 2));
        window.add("bob", new ChatCommand.Pulse());
        assertThat(window.close()).isEqualTo(new Decision(0, true, 1));
    }

    @Test
    void aWindowCountsAtMostItsBoundOfChatters() {
        ChatWindow window = new ChatWindow(2);
        assertThat(window.add("a", vibe(10))).isTrue();
        assertThat(window.add("b", vibe(20))).isTrue();
        assertThat(window.add("c", vibe(90))).isFalse();
        assertThat(window.add("a", vibe(30))).as("a counted chatter may change its mind").isTrue();
        assertThat(window.close()).isEqualTo(new Decision(20, false, 2));
    }
}
