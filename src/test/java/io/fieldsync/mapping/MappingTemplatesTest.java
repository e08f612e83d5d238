package io.fieldsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingTemplatesTest {

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void invalidTemplateIsRefusedWithItsFileAndLine() throws Exception {
        Files.writeString(folder.resolve("good.jsonata"), "{ \"Name\": name }");
        Files.writeString(folder.resolve("broken.jsonata"), "/* customer */\n{\n  \"Name\": name,\n  \"Code\": (sku\n}");

        assertThatThrownBy(() -> new MappingTemplates("file:" + folder, json))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("broken.jsonata")
                .hasMessageContaining("is not valid JSONata at line 5");
    }

    @Test
    void emptyFolderIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new MappingTemplates("file:" + folder, json))
                .hasMessageContaining("no mapping templates")
                .hasMessageContaining("fieldsync.mappings-location");
    }

    @Test
    void editedTemplateAppliesWithoutRestart() throws Exception {
        Path template = folder.resolve("item.to-xero.jsonata");
        Files.writeString(template, "{ \"Code\": sku }");
        MappingTemplates templates = new MappingTemplates("file:" + folder, json);
        assertThat(templates.apply("item.to-xero", Map.of("sku", "P-1"))).isEqualTo(Map.of("Code", "P-1"));

        Files.writeString(template, "{ \"Code\": $uppercase(sku) & \"-X\" }");
        Files.setLastModifiedTime(template, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(templates.apply("item.to-xero", Map.of("sku", "p-1"))).isEqualTo(Map.of("Code", "P-1-X"));
    }

    @Test
    void templatesReadVariablesBoundForTheCall() throws Exception {
        Files.writeString(folder.resolve("invoice.to-xero.jsonata"),
                "{ \"Reference\": $settings.prefix & number, \"Status\": $settings.status }");
        MappingTemplates templates = new MappingTemplates("file:" + folder, json);

        Object invoice = templates.apply("invoice.to-xero", Map.of("number", "INV0007"),
                Map.of("settings", Map.of("prefix", "FS-", "status", "DRAFT")));

        assertThat(invoice).isEqualTo(Map.of("Reference", "FS-INV0007", "Status", "DRAFT"));
    }

    @Test
    void unknownTemplateNameIsAClearError() throws Exception {
        Files.writeString(folder.resolve("a.jsonata"), "1");
        MappingTemplates templates = new MappingTemplates("file:" + folder, json);

        assertThatThrownBy(() -> templates.apply("invoice.to-xero", Map.of()))
                .hasMessageContaining("invoice.to-xero.jsonata no such mapping template");
    }

    @Test
    void sharedFunctionsAreCalledByEveryTemplateAndATemplateMayDefineItsOwn() throws Exception {
        Files.createDirectories(folder.resolve("lib"));
        Path library = folder.resolve("lib/functions.jsonata");
        Files.writeString(library, "/* shared */\n$has := function($v) { $v != null and $v != \"\" };\n$tag := function($s) { \"<\" & $s & \">\" };\n");
        Files.writeString(folder.resolve("a.jsonata"), "{ \"Code\": $has(sku) ? $tag(sku) }");
        Files.writeString(folder.resolve("b.jsonata"), "( $tag := function($s) { \"[\" & $s & \"]\" }; { \"Code\": $tag(sku) } )");
        MappingTemplates templates = new MappingTemplates("file:" + folder, json);

        assertThat(templates.names()).as("the library is not a template").containsExactly("a", "b");
        assertThat(templates.apply("a", Map.of("sku", "P-1"))).isEqualTo(Map.of("Code", "<P-1>"));
        assertThat(templates.apply("a", Map.of("sku", ""))).isEqualTo(Map.of());
        assertThat(templates.apply("b", Map.of("sku", "P-1"))).isEqualTo(Map.of("Code", "[P-1]"));

        Files.writeString(library, "$tag := function($s) { \"{\" & $s & \"}\" }; $has := function($v) { true };");
        Files.setLastModifiedTime(library, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(templates.apply("a", Map.of("sku", "P-1"))).as("an edited library applies without restart")
                .isEqualTo(Map.of("Code", "{P-1}"));
    }

    @Test
    void anErrorInATemplateIsPlacedInItsOwnFileNotTheLibrary() throws Exception {
        Files.createDirectories(folder.resolve("lib"));
        Files.writeString(folder.resolve("lib/functions.jsonata"), "/* one\n two\n three */\n$has := function($v) { $v != null };");
        Files.writeString(folder.resolve("broken.jsonata"), "{\n  \"Code\": (sku\n}");

        assertThatThrownBy(() -> new MappingTemplates("file:" + folder, json))
                .hasMessageContaining("broken.jsonata").hasMessageContaining("is not valid JSONata at line 3");
    }

    @Test
    void anInvalidLibraryIsRefusedByItsName() throws Exception {
        Files.createDirectories(folder.resolve("lib"));
        Files.writeString(folder.resolve("lib/functions.jsonata"), "$has := function($v) { $v != null ");
        Files.writeString(folder.resolve("a.jsonata"), "1");

        assertThatThrownBy(() -> new MappingTemplates("file:" + folder, json))
                .hasMessageContaining("functions.jsonata").hasMessageContaining("is not valid JSONata");
    }

    @Test
    void shippedTemplatesAllCompile() {
        MappingTemplates shipped = new MappingTemplates("file:mappings", json);
        assertThat(shipped.names()).contains("contact.to-xero");
    }
}
