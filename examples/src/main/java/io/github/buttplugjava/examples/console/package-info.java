/**
 * The line consoles of the {@code buttplug} programs ({@code control}, {@code share}): a prompt with
 * history, line editing and completion on a terminal (JLine), plain lines from stdin or
 * {@code --exec} otherwise; a table of typed commands with help and one-line errors.
 */
package io.github.buttplugjava.examples.console;
