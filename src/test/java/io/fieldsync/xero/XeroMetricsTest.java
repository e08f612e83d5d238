package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Xero calls are counted under few tag values, whatever ids or files a call names. */
class XeroMetricsTest {

    private static final String TENANT = "b6a0c3de-5f1e-4a7a-9c11-3f2d0e6a7b01";

    @Test
    void endpointKindsLeaveOutIdsFileNamesAndQueries() {
        assertThat(XeroMetrics.endpointKind("Contacts")).isEqualTo("Contacts");
        assertThat(XeroMetrics.endpointKind("Invoices/" + TENANT + "/Attachments/job 17.pdf")).isEqualTo("Invoices/{id}/Attachments");
        assertThat(XeroMetrics.endpointKind("https://api.xero.com/api.xro/2.0/TaxRates?where=Status%3D%22ACTIVE%22"))
                .isEqualTo("TaxRates");
        assertThat(XeroMetrics.endpointKind("http://127.0.0.1:4711/api.xro/2.0/Invoices/" + TENANT)).isEqualTo("Invoices/{id}");
        assertThat(XeroMetrics.endpointKind("https://api.xero.com/connections")).isEqualTo("connections");
        assertThat(XeroMetrics.endpointKind(null)).isEqualTo("unknown");
    }

    @Test
    void a429IsCountedByTheLimitXeroNamed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RateGovernor governor = new RateGovernor(new XeroSettings.Limits(5, 60, Duration.ofMinutes(1), 5000), 0,
                System::nanoTime, System::currentTimeMillis);
        XeroMetrics metrics = new XeroMetrics(registry, governor);
        Map<String, String> daily = Map.of("X-Rate-Limit-Problem", "Daily", "Retry-After", "3600");

        metrics.called(TENANT, "post", "Invoices", 429, daily::get);
        metrics.called(TENANT, "POST", "Invoices", 200, name -> null);
        metrics.called(TENANT, "GET", "Items", 0, null);
        metrics.called(TENANT, "GET", "Items", 429, name -> null);

        assertThat(registry.get("fieldsync.xero.rate.limited").tag("limit", "daily").counter().count()).isEqualTo(1);
        assertThat(registry.get("fieldsync.xero.rate.limited").tag("limit", "unknown").counter().count()).isEqualTo(1);
        assertThat(registry.get("fieldsync.xero.calls").tags("method", "POST", "endpoint", "Invoices", "status", "429",
                "outcome", "rate_limited").counter().count()).isEqualTo(1);
        assertThat(registry.get("fieldsync.xero.calls").tags("status", "none", "outcome", "no_answer").counter().count()).isEqualTo(1);
        assertThat(registry.get("fieldsync.xero.daily.remaining").tag("tenant", TENANT).gauge().value()).isEqualTo(5000);
        assertThat(registry.get("fieldsync.xero.daily.limit").tag("tenant", TENANT).gauge().value()).isEqualTo(5000);
    }
}
