package io.fieldsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.testing.BrowserIntegrationTest;
import io.fieldsync.xero.XeroConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Connecting by OAuth2 from the connection page, the sandbox as Xero: connect, choose one of the
 * two organisations the sandbox's user has, see it connected, disconnect.
 */
@TestPropertySource(properties = {
        "fieldsync.xero.grant=authorization_code",
        "fieldsync.xero.token-key=q83vEjRWeJC8m3wH1kLr7m2c2Zq0u1xX9t9b0QmV3yA="})
class ConnectionOAuthPageIT extends BrowserIntegrationTest {

    /** Xero's redirect goes to the configured redirect URI, the default one: this test's own port stands in for it. */
    private static final String REDIRECT = "http://localhost:8080";

    @Autowired
    XeroConnection connection;

    @BeforeEach
    void notConnectedYet() {
        for (String table : new String[] {"xero_authorisation", "xero_authorisation_request", "xero_reachability"}) {
            state.update("delete from " + table);
        }
        sandbox.reset();
        connection.organisationChanged(null);
    }

    @Test
    void anOperatorConnectsChoosesAnOrganisationAndDisconnects() {
        logInAsOperator();
        open("connection.html");
        assertThat(find(By.id("status")).getText()).isEqualTo("Not connected");

        find(By.id("connect")).click();
        waitFor(ExpectedConditions.urlContains("/api/xero/callback?code="));
        browser().get(browser().getCurrentUrl().replace(REDIRECT, url("")));
        waitFor(ExpectedConditions.urlContains("/connection.html?authorised=CHOOSE_ORGANISATION"));
        assertThat(find(By.id("notice")).getText()).startsWith("Xero allowed FieldSync on several organisations");

        assertThat(find(By.id("status")).getText()).isEqualTo("Choose an organisation");
        find(By.cssSelector("tr[data-tenant-id='" + XeroSandbox.secondTenantId() + "']"));
        find(By.cssSelector("tr[data-tenant-id='" + sandbox.tenantId() + "'] button.choose")).click();

        waitFor(ExpectedConditions.textToBe(By.id("status"), "Connected"));
        String name = state.queryForObject("select name from xero_tenant where tenant_id = ?", String.class, sandbox.tenantId());
        assertThat(find(By.id("organisation-name")).getText()).isEqualTo(name);
        assertThat(find(By.id("facts")).getText()).contains("OAuth2").contains("by " + OPERATOR).contains("Access token expires");
        screenshot("connection");

        find(By.id("disconnect")).click();
        waitFor(ExpectedConditions.alertIsPresent()).accept();
        waitFor(ExpectedConditions.textToBe(By.id("status"), "Not connected"));
        assertThat(find(By.id("notice")).getText()).startsWith("Disconnected from " + name + ": disconnected at Xero");
    }
}
