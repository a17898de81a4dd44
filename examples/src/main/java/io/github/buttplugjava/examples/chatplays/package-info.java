/**
 * The chat-plays bot of {@code buttplug chatplays}: chat commands read from an IRC channel
 * ({@link io.github.buttplugjava.examples.chatplays.ChatCommand}), a rate limit per chatter
 * ({@link io.github.buttplugjava.examples.chatplays.ChatterRates}), a window that turns the chat
 * into one level ({@link io.github.buttplugjava.examples.chatplays.ChatWindow}), the bot that runs
 * them on a clock ({@link io.github.buttplugjava.examples.chatplays.ChatPlays}) and drives a hub
 * room as one controller ({@link io.github.buttplugjava.examples.chatplays.RoomToys}), and the IRC
 * link ({@link io.github.buttplugjava.examples.chatplays.IrcChat}). See {@code docs/CHATPLAYS.md}.
 */
package io.github.buttplugjava.examples.chatplays;
