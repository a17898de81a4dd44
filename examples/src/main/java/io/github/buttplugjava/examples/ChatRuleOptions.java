package io.github.buttplugjava.examples;

import io.github.buttplugjava.examples.chatplays.ChatPlaysSettings;
import picocli.CommandLine.Option;

/** How the {@code chatplays} bot reads the chat (window, pulse, rates, bounds), as options. */
final class ChatRuleOptions {

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "3s",
            description = "Chat is collected this long, then the median of each chatter's latest !vibe runs until the next window closes. Default: ${DEFAULT-VALUE}.")
    String window;

    @Option(names = "--pulse", paramLabel = "DURATION", defaultValue = "1s",
            description = "How long a !pulse burst at full level lasts; shorter than --window. Default: ${DEFAULT-VALUE}.")
    String pulse;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "3",
            description = "Commands a chatter may send at once. Default: ${DEFAULT-VALUE}.")
    int burst;

    @Option(names = "--refill", paramLabel = "DURATION", defaultValue = "2s",
            description = "Then one more command per this long, per chatter. Default: ${DEFAULT-VALUE}.")
    String refill;

    @Option(names = "--max-chatters", paramLabel = "N", defaultValue = "10000",
            description = "The most chatters remembered for rates and counted in one window. Default: ${DEFAULT-VALUE}.")
    int maxChatters;

    @Option(names = "--reply-every", paramLabel = "DURATION", defaultValue = "5s",
            description = "The bot answers !help and bad commands at most once per this long. Default: ${DEFAULT-VALUE}.")
    String replyEvery;

    /**
     * The settings these options give.
     *
     * @throws IllegalArgumentException naming the option that cannot work
     */
    ChatPlaysSettings settings() {
        try {
            return new ChatPlaysSettings(HumanDuration.parse(window), HumanDuration.parse(pulse), burst,
                    HumanDuration.parse(refill), maxChatters, HumanDuration.parse(replyEvery));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("the window", "--window").replace("the pulse", "--pulse")
                    .replace("the burst", "--burst").replace("the refill time", "--refill")
                    .replace("the most chatters", "--max-chatters").replace("the reply gap", "--reply-every"));
        }
    }
}
