package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.sandbox.SandboxClient;
import io.fieldsync.testing.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The matching wizard on a first connection to an organisation that has contacts of its own:
 * near matches wait for a person, who accepts one, and the contact only Xero has is imported.
 */
class MatchingPageIT extends BrowserIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anOperatorAcceptsANearMatchAndImportsTheContactOnlyXeroHas() throws Exception {
        startFresh();
        List<Map<String, Object>> customers = new JdbcTemplate(sourceDataSource).queryForList("""
                select id, company_name from customers where deleted_at is null and company_name is not null
                   and char_length(company_name) between 13 and 40 and (email is null or email not like '%@@%') order by id limit 3""");
        Map<String, Object> accepted = customers.get(0);
        String nearContact = contactInXero(nearly((String) accepted.get("company_name")));
        for (Map<String, Object> other : customers.subList(1, customers.size())) {
            contactInXero(nearly((String) other.get("company_name")));
        }
        String onlyInXero = contactInXero("Wallaby Creek Irrigation Co-op");
        logInAsOperator();
        open("matching.html#customers");

        find(By.id("run-matching")).click();
        By accept = By.cssSelector("tr[data-local-id='" + accepted.get("id") + "'] button.accept");
        waitFor(ExpectedConditions.elementToBeClickable(accept)).click();

        waitFor(ExpectedConditions.invisibilityOfElementLocated(accept));
        assertThat(state.queryForObject("select xero_id from record_link where entity = 'contact' and local_id = ?", String.class,
                ((Number) accepted.get("id")).longValue())).isEqualTo(nearContact);
        assertThat(state.queryForObject("select decided_by from match_suggestion where kind = 'contact' and local_id = ? and status = 'ACCEPTED'",
                String.class, ((Number) accepted.get("id")).longValue())).isEqualTo(OPERATOR);
        assertThat(find(By.id("undecided-count")).getText()).isEqualTo(String.valueOf(customers.size() - 1));
        screenshot("matching");

        find(By.id("step-import")).click();
        find(By.id("import-contacts")).click();
        waitFor(ExpectedConditions.alertIsPresent()).accept();

        assertThat(find(By.cssSelector(".imported tr[data-xero-id='" + onlyInXero + "']")).getText()).contains("Wallaby Creek Irrigation Co-op");
        Long imported = state.queryForObject("select local_id from record_link where entity = 'contact' and xero_id = ?", Long.class, onlyInXero);
        assertThat(new JdbcTemplate(sourceDataSource).queryForObject("select company_name from customers where id = ?", String.class, imported))
                .isEqualTo("Wallaby Creek Irrigation Co-op");
        assertThat(state.queryForObject("select count(*) from record_link where entity = 'contact' and xero_id <> ? and local_id in"
                + " (select local_id from match_suggestion where status = 'IMPORTED')", Integer.class, onlyInXero))
                .as("the contacts suggested for a customer are not imported").isZero();
    }

    private static String nearly(String name) {
        return name.substring(0, name.length() - 1);
    }

    /** A contact written into the sandbox through its API, as a bookkeeper would. */
    private String contactInXero(String name) {
        ObjectNode body = json.createObjectNode();
        body.putArray("Contacts").addObject().put("Name", name);
        HttpResponse<String> response = new SandboxClient(sandbox).put("/Contacts?summarizeErrors=false", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SandboxClient.json(response).path("Contacts").get(0).path("ContactID").asText();
    }
}
