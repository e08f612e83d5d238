package io.fieldsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * application.yml and the {@code @ConfigurationProperties} records agree: every {@code fieldsync.*}
 * key of application.yml is declared by a record (as the configuration processor's metadata lists
 * them), every declared key has its default in application.yml, and every key has a description.
 * A map or list setting (tax-types, entities, payments.accounts, maintenance-windows) is one
 * declared key whose entries application.yml lists below it.
 */
class SettingsKeysTest {

    /** The demo's and the sandbox's own settings: they belong to those, which leave the production jar (issue 20, item 5). */
    private static final List<String> NOT_PRODUCTION = List.of("fieldsync.demo.", "fieldsync.sandbox.");
    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    /** Declared key -> its metadata entry. */
    private static final Map<String, JsonNode> declared = new TreeMap<>();
    private static final Set<String> yml = new TreeSet<>();

    @BeforeAll
    static void read() throws IOException {
        for (JsonNode property : new ObjectMapper().readTree(Files.readString(METADATA)).path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith("fieldsync.")) {
                declared.put(name, property);
            }
        }
        // read as written (Spring's loader drops an empty map such as payments.accounts: {})
        try (var in = new ClassPathResource("application.yml").getInputStream()) {
            for (Object document : new Yaml().loadAll(in)) {
                keys("", document);
            }
        }
        yml.removeIf(name -> !name.startsWith("fieldsync.") || NOT_PRODUCTION.stream().anyMatch(name::startsWith));
    }

    private static void keys(String path, Object node) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, value) -> keys(path.isEmpty() ? String.valueOf(key) : path + "." + key, value));
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                keys(path + "[" + i + "]", list.get(i));
            }
        } else {
            yml.add(path);
        }
    }

    @Test
    void everyKeyOfApplicationYmlIsDeclaredByARecord() {
        assertThat(yml.stream().filter(key -> declarationOf(key) == null).toList())
                .as("fieldsync.* keys in application.yml that no @ConfigurationProperties record declares").isEmpty();
    }

    @Test
    void everyDeclaredKeyHasItsDefaultInApplicationYml() {
        assertThat(declared.keySet().stream().filter(key -> yml.stream().noneMatch(y -> y.equals(key) || below(y, key))).toList())
                .as("keys declared by a record but missing in application.yml, where the defaults are").isEmpty();
    }

    @Test
    void everyDeclaredKeyIsDescribed() {
        assertThat(declared.values().stream().filter(p -> p.path("description").asText("").isBlank())
                .map(p -> p.path("name").asText()).toList())
                .as("keys without a description (javadoc @param of the record component)").isEmpty();
        assertThat(declared).as("the configuration processor's metadata").hasSizeGreaterThan(80);
    }

    /** The declared key a yml key falls under: itself, or a map or list setting it is an entry of. */
    private static String declarationOf(String ymlKey) {
        if (declared.containsKey(ymlKey)) {
            return ymlKey;
        }
        return declared.keySet().stream().filter(key -> isContainer(key) && below(ymlKey, key)).findFirst().orElse(null);
    }

    private static boolean below(String ymlKey, String declaredKey) {
        return isContainer(declaredKey) && (ymlKey.startsWith(declaredKey + ".") || ymlKey.startsWith(declaredKey + "["));
    }

    private static boolean isContainer(String declaredKey) {
        String type = declared.get(declaredKey).path("type").asText("");
        return type.startsWith("java.util.Map") || type.startsWith("java.util.List");
    }
}
