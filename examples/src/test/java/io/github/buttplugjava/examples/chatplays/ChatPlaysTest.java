package io.github.buttplugjava.examples.chatplays;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's rules on a virtual clock: windows, pulses, stops, rates and replies. */
class ChatPlaysTest {

    private static final ChatPlaysSettings SETTINGS = new ChatPlaysSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
            2, Duration.ofSeconds(2), 100, Duration.ofSeconds(5));

    private final VirtualTime time = new VirtualTime();
    private final RecordingToys toys = new RecordingToys();
    private final List<String> said = new ArrayList<>();
    private final ChatPlays bot = new ChatPlays(SETTINGS, toys, time.scheduling(Runnable::run), said::add);

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void eachWindowRunsTheMedianUntilTheNextAndAQuietWindowStops() {
        bot.start();
        bot.onMessage("alice", "!vibe 20");
        bot.onMessage("bob", "!vibe 70");
        bot.onMessage("carol", "!vibe 50");
        time.advance(Duration.ofMillis(2999));
        assertThat(toys.calls).as("nothing before the window closes").isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(toys.calls).containsExactly("level 0.50");
        assertThat(bot.current()).isEqualTo(new Decision(50, false, 3));
        time.advance(Duration.ofSeconds(3));
        assertThat(toys.calls).containsExactly("level 0.50", "stop");
    }

    @Test
    void aStopActsAtOnceAndIsNeverRateLimited() {
        bot.start();
        bot.onMessage("alice", "!vibe 80");
        time.advance(Duration.ofSeconds(3));
        assertThat(toys.last()).isEqualTo("level 0.80");
        bot.onMessage("troll", "!vibe 1");
        bot.onMessage("troll", "!vibe 1");
        bot.onMessage("troll", "!vibe 1");
        bot.onMessage("alice", "!vibe 80");
        bot.onMessage("troll", "!stop");
        assertThat(toys.last()).as("at once, not at the window's end").isEqualTo("stop");
        time.advance(Duration.ofSeconds(3));
        assertThat(toys.last()).as("the stop wins the whole window").isEqualTo("stop");
        assertThat(bot.current()).isEqualTo(Decision.STOP);
    }

    @Test
    void aChatterOverItsRateIsNotCounted() {
        bot.start();
        bot.onMessage("alice", "!vibe 10");
        bot.onMessage("bob", "!vibe 30");
        bot.onMessage("bob", "!vibe 30");
        bot.onMessage("carol", "!vibe 90");
        bot.onMessage("carol", "!vibe 90");
        bot.onMessage("carol", "!vibe 95");
        time.advance(Duration.ofSeconds(3));
        assertThat(bot.current()).as("carol's third is dropped: her latest counted is 90").isEqualTo(new Decision(30, false, 3));
        bot.onMessage("carol", "!vibe 100");
        time.advance(Duration.ofSeconds(3));
        assertThat(bot.current()).as("3 s later she has earned one more").isEqualTo(new Decision(100, false, 1));
    }

    @Test
    void aPulsePlaysFullThenTheWindowsLevelAndAStopCutsItShort() {
        bot.start();
        bot.onMessage("alice", "!vibe 40");
        bot.onMessage("bob", "!pulse");
        time.advance(Duration.ofSeconds(3));
        assertThat(toys.calls).containsExactly("level 1.00");
        time.advance(Duration.ofSeconds(1));
        assertThat(toys.calls).containsExactly("level 1.00", "level 0.40");

        bot.onMessage("bob", "!pulse");
        time.advance(Duration.ofSeconds(2));
        assertThat(toys.last()).isEqualTo("level 1.00");
        bot.onMessage("alice", "!stop");
        time.advance(Duration.ofMillis(999));
        assertThat(toys.calls).as("the pulse's end does not bring a level back after a stop")
                .endsWith("level 1.00", "stop");
    }

    @Test
    void helpAndBadCommandsAreAnsweredAtMostOncePerReplyGap() {
        bot.start();
        bot.onMessage("alice", "!help");
        bot.onMessage("bob", "!vibe 400");
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).contains("!vibe 0-100", "!pulse", "!stop");
        time.advance(Duration.ofSeconds(5));
        bot.onMessage("bob", "!vibe 400");
        assertThat(said).hasSize(2);
        assertThat(said.get(1)).isEqualTo("bob: !vibe goes up to 100");
        bot.onMessage("carol", "just chatting");
        assertThat(said).hasSize(2);
        time.advance(Duration.ofSeconds(3));
        assertThat(toys.calls).as("none of that drove the toys: two quiet windows").containsExactly("stop", "stop");
    }

    @Test
    void stoppingTheBotStopsTheToysAndItsWindows() {
        bot.start();
        bot.onMessage("alice", "!vibe 60");
        time.advance(Duration.ofSeconds(3));
        bot.stop();
        assertThat(toys.last()).isEqualTo("stop");
        bot.onMessage("alice", "!vibe 60");
        time.advance(Duration.ofSeconds(30));
        assertThat(toys.calls).containsExactly("level 0.60", "stop");
        assertThat(time.pending()).as("no window left ticking").isZero();
    }

    /** Records what the bot asks of the toys. */
    private static final class RecordingToys implements Toys {
        private final List<String> calls = new ArrayList<>();

        @Override
        public synchronized CompletableFuture<Void> level(double level) {
            calls.add(String.format(java.util.Locale.ROOT, "level %.2f", level));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletableFuture<Void> stop() {
            calls.add("stop");
            return CompletableFuture.completedFuture(null);
        }

        synchronized String last() {
            return calls.isEmpty() ? null : calls.get(calls.size() - 1);
        }
    }
}
