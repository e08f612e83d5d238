package io.fieldsync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers of README's Layout, top to bottom: a package may use the packages on the levels
 * below its own, never one above it nor another on its own level. Read from the sources, so an
 * import and a fully qualified name count alike; comments and string literals do not. The demo
 * and the sandbox (src/demo, not in the production jar) sit on top: nothing shipped knows them.
 */
class LayersTest {

    static final List<Set<String>> LAYERS = List.of(
            Set.of("demo", "sandbox"),                               // src/demo: the demo and the Xero sandbox
            Set.of("api", "security", "startup"),                    // entry points; start-up checks
            Set.of("schedule"),                                      // what starts runs
            Set.of("payments", "pulls", "attachments", "matching", "reconcile", "entities"), // feature steps; each entity's own rules
            Set.of("alerts"),                                        // outbox, conditions, run reports
            Set.of("push"),                                          // the push pipeline: pages, plan, outcomes
            Set.of("runs"),                                          // run lifecycle: start, fence, steps, end
            Set.of("state"),                                         // the state store: records, links, watermarks
            Set.of("settings", "mapping"),                           // run-time settings; templates
            Set.of("xero"),                                          // the Xero client
            Set.of("config", "logging"));                            // databases, start-up; masking

    /** Uses that still run up, each with why it waits; empty is the aim. */
    static final Set<String> TEMPORARY = Set.of();

    private static final Path SOURCES = Path.of("src/main/java/io/fieldsync");
    /** The demo's tree: compiled with the tests, run by spring-boot:run, never packaged. */
    private static final Path DEMO_SOURCES = Path.of("src/demo/java/io/fieldsync");
    /** What only the demo's tree may name, in code or in a string (a condition, a property switch). */
    private static final Pattern DEMO_ONLY = Pattern.compile("io\\.fieldsync\\.(demo|sandbox)\\b|fieldsync\\.(demo|sandbox)\\.");
    private static final Pattern USE = Pattern.compile("\\bio\\.fieldsync\\.([a-z]+)\\.([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void noPackageUsesOneAboveItOrBesideIt() {
        List<String> upward = new ArrayList<>();
        for (Map.Entry<Path, String> source : sources().entrySet()) {
            Path relative = (source.getKey().startsWith(DEMO_SOURCES) ? DEMO_SOURCES : SOURCES).relativize(source.getKey());
            if (relative.getNameCount() < 2) {
                continue; // FieldSyncApplication, above every layer
            }
            String from = relative.getName(0).toString();
            Set<String> seen = new TreeSet<>();
            Matcher use = USE.matcher(code(source.getValue()));
            while (use.find()) {
                String to = use.group(1);
                if (!to.equals(from) && level(to) <= level(from) && seen.add(to + "." + use.group(2))) {
                    String line = relative + " -> io.fieldsync." + to + "." + use.group(2);
                    if (!TEMPORARY.contains(line)) {
                        upward.add(line);
                    }
                }
            }
        }
        assertTrue(upward.isEmpty(), "uses that run up the layers (or across one):\n  " + String.join("\n  ", upward));
    }

    @Test
    void shippedCodeNamesNothingOfTheDemo() {
        List<String> mentions = new ArrayList<>();
        for (Map.Entry<Path, String> source : sources().entrySet()) {
            if (source.getKey().startsWith(SOURCES)) {
                Matcher mention = DEMO_ONLY.matcher(withoutComments(source.getValue()));
                while (mention.find()) {
                    mentions.add(SOURCES.relativize(source.getKey()) + ": " + mention.group());
                }
            }
        }
        assertTrue(mentions.isEmpty(), "src/main names the demo or the sandbox, which the production jar does not carry:\n  "
                + String.join("\n  ", mentions));
    }

    @Test
    void everyPackageHasItsLevel() {
        try (Stream<Path> packages = Stream.concat(Files.list(SOURCES), Files.list(DEMO_SOURCES))) {
            List<String> unplaced = packages.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(p -> LAYERS.stream().noneMatch(level -> level.contains(p))).sorted().toList();
            assertTrue(unplaced.isEmpty(), "packages with no level in LayersTest.LAYERS: " + unplaced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 0 at the top; an unknown package counts as the top, so using it fails. */
    private static int level(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<Path, String> sources() {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Stream.concat(Files.walk(SOURCES), Files.walk(DEMO_SOURCES))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** The source without comments, string and character literals (text blocks included). */
    static String code(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("//", i)) {
                i = until(source, "\n", i + 2); // keeps the line end
            } else if (source.startsWith("/*", i)) {
                i = until(source, "*/", i + 2) + 1;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                i = until(source, "\"\"\"", i + 3) + 1;
                code.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                i++;
                while (i < n && source.charAt(i) != quote) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append(quote).append(quote);
            } else {
                code.append(source.charAt(i));
                i++;
            }
        }
        return code.toString();
    }

    /** The source without comments; string literals kept (a property name in a condition counts). */
    static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }

    /** Index of the last character of the next {@code end} from {@code from}, or the end of the text. */
    private static int until(String source, String end, int from) {
        int at = source.indexOf(end, from);
        return at < 0 ? source.length() : at + end.length() - 1;
    }
}
