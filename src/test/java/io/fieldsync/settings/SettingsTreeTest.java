package io.fieldsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SettingsTreeTest {

    @Test
    void theEffectiveTreeNestsSettingsAndLeavesSecretsOut() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "fieldsync.invoices.status", "AUTHORISED",
                "fieldsync.invoices.send-tax", "true",
                "fieldsync.xero.client-secret", "s3cret",
                "fieldsync.xero.api-url", "https://api.xero.com/api.xro/2.0",
                "fieldsync.alerts.from", "fieldsync@example.com",
                "fieldsync.alerts.smtp-password", "hunter2",
                "fieldsync.source.url", "jdbc:mysql://db/fsm?user=sync&password=hunter2",
                "fieldsync.maintenance-windows[0].from", "22:00",
                "fieldsync.maintenance-windows[0].to", "23:00")));

        Map<String, Object> tree = new SettingsTree(environment).effective();

        assertThat(tree.get("invoices")).isEqualTo(Map.of("status", "AUTHORISED", "send-tax", true));
        assertThat(tree.get("xero")).isEqualTo(Map.of("api-url", "https://api.xero.com/api.xro/2.0"));
        assertThat(tree.get("alerts")).isEqualTo(Map.of("from", "fieldsync@example.com"));
        assertThat(((Map<?, ?>) tree.get("source")).get("url")).isEqualTo("jdbc:mysql://db/fsm?user=sync&password=****");
        assertThat(tree.get("maintenance-windows")).isEqualTo(List.of(Map.of("from", "22:00", "to", "23:00")));
    }

    @Test
    void aPartialTreeFlattensToPropertyNames() {
        Map<String, String> flat = new SettingsTree(new StandardEnvironment()).flatten(Map.of(
                "invoices", Map.of("status", "DRAFT"),
                "entities", Map.of("item", Map.of("direction", "off")),
                "maintenance-windows", List.of(Map.of("days", "SAT", "from", "22:00", "to", "23:00"))));

        assertThat(flat).containsEntry("fieldsync.invoices.status", "DRAFT")
                .containsEntry("fieldsync.entities.item.direction", "off")
                .containsEntry("fieldsync.maintenance-windows[0].days", "SAT")
                .containsEntry("fieldsync.maintenance-windows[0].to", "23:00")
                .containsEntry("fieldsync.maintenance-windows", null);
        assertThat(new SettingsTree(new StandardEnvironment()).flatten(Map.of("maintenance-windows", List.of())))
                .as("an empty list replaces a longer one").containsEntry("fieldsync.maintenance-windows", "");
    }
}
