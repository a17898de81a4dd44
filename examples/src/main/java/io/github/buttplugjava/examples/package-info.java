/**
 * Runnable programs. {@link io.github.buttplugjava.examples.Cli} is the {@code buttplug} command
 * line ({@code java -jar examples/target/buttplug.jar}); each subcommand is one class.
 */
package io.github.buttplugjava.examples;
