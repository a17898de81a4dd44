package io.github.buttplugjava.testsupport.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one run of {@code interop/node/client.mjs} printed: its JSON lines (one object per step, each
 * with a {@code "step"} field), any stdout lines that were not JSON, its stderr, and how it ended.
 *
 * @param client     which npm client ran
 * @param exitCode   the process exit code; -1 when it was killed at the hard timeout
 * @param killed     true when the process outlived the hard timeout and was killed
 * @param steps      the parsed stdout lines, in order
 * @param unparsed   stdout lines that were not JSON objects (the script should print none)
 * @param stderr     everything the process wrote to stderr (the packages' own logging)
 */
public record NpmClientRun(NpmClient client, int exitCode, boolean killed, List<JsonNode> steps,
                           List<String> unparsed, String stderr) {

    /**
     * Copies the lists.
     *
     * @param client which npm client ran
     * @param exitCode the process exit code; -1 when it was killed at the hard timeout
     * @param killed true when the process outlived the hard timeout and was killed
     * @param steps the parsed stdout lines, in order
     * @param unparsed stdout lines that were not JSON objects
     * @param stderr everything the process wrote to stderr
     */
    public NpmClientRun {
        steps = List.copyOf(steps);
        unparsed = List.copyOf(unparsed);
    }

    /**
     * True when the script finished its scenario: exit 0 and a final {@code done} step.
     *
     * @return true on a complete, successful run
     */
    public boolean succeeded() {
        return !killed && exitCode == 0 && !steps.isEmpty()
                && "done".equals(steps.get(steps.size() - 1).path("step").asText());
    }

    /**
     * Every step with this name, in order.
     *
     * @param name the step's {@code "step"} field
     * @return the steps, possibly empty
     */
    public List<JsonNode> steps(String name) {
        return steps.stream().filter(s -> name.equals(s.path("step").asText())).collect(Collectors.toList());
    }

    /**
     * The first step with this name.
     *
     * @param name the step's {@code "step"} field
     * @return the first such step, or empty when the client printed none
     */
    public Optional<JsonNode> step(String name) {
        return steps.stream().filter(s -> name.equals(s.path("step").asText())).findFirst();
    }

    /**
     * The devices the client listed (the {@code devices} array of the {@code devices} step).
     *
     * @return the device objects, empty when there was no {@code devices} step
     */
    public List<JsonNode> devices() {
        List<JsonNode> out = new ArrayList<>();
        step("devices").ifPresent(s -> s.path("devices").forEach(out::add));
        return out;
    }

    /**
     * A multi-line account of the run for assertion messages.
     *
     * @return the exit, every step, every unparsed line and stderr, one per line
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(client).append(": exit ").append(exitCode).append(killed ? " (killed at the hard timeout)" : "")
                .append('\n');
        steps.forEach(s -> b.append("  ").append(s).append('\n'));
        unparsed.forEach(s -> b.append("  [not JSON] ").append(s).append('\n'));
        if (!stderr.isBlank()) {
            b.append("  stderr:\n");
            stderr.lines().forEach(l -> b.append("    ").append(l).append('\n'));
        }
        return b.toString();
    }
}
