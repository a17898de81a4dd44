package io.github.buttplugjava.examples;

import io.github.buttplugjava.remote.agent.DeviceGrant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Which toys {@code share} shares, each under which grant. Without {@code --device} every toy is
 * shared under the grant options. With {@code --device NAME_OR_NUMBER} only the toys named are
 * shared, each under the grant options given before the first {@code --device} (common to all)
 * plus the ones written after its own {@code --device} (which add to or override the common ones):
 *
 * <pre>
 * share ... --max vibrate=0.5 --device "Lovense Hush" --expire 30m --device 1 --max vibrate=0.2 --battery
 * </pre>
 */
final class ToyGrants {

    /** The grant options and whether each takes a value: the words a --device section may hold. */
    private static final Map<String, Boolean> GRANT_OPTIONS = Map.of("--allow", true, "--max", true,
            "--min-interval", true, "--expire", true, "--battery", false);

    /** A grant-options-only command, to read one section with the same rules and messages as the whole line. */
    @Command(name = "grant")
    static final class Section {
        @Mixin
        GrantOptions options = new GrantOptions();
    }

    private final DeviceGrant everyToy;
    private final Map<String, DeviceGrant> chosen;

    private ToyGrants(DeviceGrant everyToy, Map<String, DeviceGrant> chosen) {
        this.everyToy = everyToy;
        this.chosen = chosen;
    }

    /**
     * Reads the sections of {@code args} (the whole share command line, already checked by picocli).
     *
     * @throws IllegalArgumentException for a grant that cannot work; the message names the toy
     */
    static ToyGrants from(List<String> args, Instant now) {
        List<String> common = new ArrayList<>();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = common;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--device") && i + 1 < args.size()) {
                current = section(sections, args.get(++i));
            } else if (a.startsWith("--device=")) {
                current = section(sections, a.substring("--device=".length()));
            } else if (GRANT_OPTIONS.containsKey(a)) {
                current.add(a);
                if (GRANT_OPTIONS.get(a) && i + 1 < args.size()) {
                    current.add(args.get(++i));
                }
            } else if (a.contains("=") && GRANT_OPTIONS.containsKey(a.substring(0, a.indexOf('=')))) {
                current.add(a);
            }
        }
        DeviceGrant everyToy = grant(common, now, null);
        Map<String, DeviceGrant> chosen = new LinkedHashMap<>();
        sections.forEach((toy, own) -> {
            List<String> all = new ArrayList<>(common);
            all.addAll(own);
            chosen.put(toy, grant(all, now, toy));
        });
        return new ToyGrants(everyToy, chosen);
    }

    private static List<String> section(Map<String, List<String>> sections, String toy) {
        String key = toy.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("--device needs a toy's name or its number from 'list'");
        }
        if (sections.containsKey(key)) {
            throw new IllegalArgumentException("--device " + toy + " is given twice");
        }
        List<String> own = new ArrayList<>();
        sections.put(key, own);
        return own;
    }

    private static DeviceGrant grant(List<String> words, Instant now, String toy) {
        Section section = new Section();
        CommandLine parser = new CommandLine(section);
        parser.setOverwrittenOptionsAllowed(true);
        try {
            parser.parseArgs(words.toArray(String[]::new));
            return section.options.toGrant(now);
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw new IllegalArgumentException(toy == null ? e.getMessage() : "--device " + toy + ": " + e.getMessage());
        }
    }

    /** Whether {@code --device} chose the toys (else every toy is shared). */
    boolean choosesToys() {
        return !chosen.isEmpty();
    }

    /** The grant for every toy, when no {@code --device} was given. */
    DeviceGrant everyToy() {
        return everyToy;
    }

    /** The toys named by {@code --device}, as written (lower case). */
    Set<String> names() {
        return chosen.keySet();
    }

    /**
     * The grant of a toy, by its number (order of appearance, from 0) or name; empty when the
     * toys were chosen and this is not one of them.
     */
    Optional<DeviceGrant> grantFor(int number, String name) {
        if (chosen.isEmpty()) {
            return Optional.of(everyToy);
        }
        DeviceGrant byNumber = chosen.get(Integer.toString(number));
        return Optional.ofNullable(byNumber != null ? byNumber : chosen.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
