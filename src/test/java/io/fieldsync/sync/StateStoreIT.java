package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.fieldsync.state.RecordLink;
import io.fieldsync.state.RecordLinkRepository;
import io.fieldsync.state.RecordStatus;
import io.fieldsync.state.RecordStatusRepository;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.xero.XeroTenant;
import io.fieldsync.xero.XeroTenantRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;

/** The state store's schema, migrated by Flyway on MariaDB, and the rules it keeps. */
class StateStoreIT extends MariaDbIntegrationTest {

    @Autowired
    XeroTenantRepository tenants;

    @Autowired
    RecordLinkRepository links;

    @Autowired
    RecordStatusRepository statuses;

    @Test
    void flywayMigratedTheStateStoreOnMariaDb() {
        assertThat(state.queryForObject("select version()", String.class)).containsIgnoringCase("MariaDB");
        assertThat(state.queryForList("select version from flyway_schema_history where success = 1", String.class))
                .contains("1");
        assertThat(state.queryForList("select table_name from information_schema.tables where table_schema = database()",
                String.class)).map(String::toLowerCase)
                .contains("xero_tenant", "sync_run", "sync_run_count", "record_link", "record_status", "watermark", "dead_letter");
    }

    @Test
    void twoFieldServiceRecordsCanNeverLinkToOneXeroRecord() {
        XeroTenant tenant = tenants.save(new XeroTenant("tenant-links-" + System.nanoTime(), "Links Pty Ltd"));
        links.saveAndFlush(new RecordLink(tenant.getId(), "contact", 1L, "xero-contact-1"));

        assertThatThrownBy(() -> links.saveAndFlush(new RecordLink(tenant.getId(), "contact", 2L, "xero-contact-1")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void organisationsKeepTheirLinksApart() {
        XeroTenant first = tenants.save(new XeroTenant("tenant-a-" + System.nanoTime(), "A"));
        XeroTenant second = tenants.save(new XeroTenant("tenant-b-" + System.nanoTime(), "B"));
        links.saveAndFlush(new RecordLink(first.getId(), "item", 5L, "same-xero-id"));
        links.saveAndFlush(new RecordLink(second.getId(), "item", 5L, "same-xero-id"));

        assertThat(links.findByTenantRefAndEntityAndLocalId(first.getId(), "item", 5L)).isPresent();
        assertThat(links.findByTenantRefAndEntityAndLocalId(second.getId(), "item", 5L)).isPresent();
    }

    @Test
    void recordStatusesFilterByEntityAndStatus() {
        XeroTenant tenant = tenants.save(new XeroTenant("tenant-status-" + System.nanoTime(), "S"));
        RecordStatus failed = new RecordStatus(tenant.getId(), "invoice", 11L);
        failed.record(RecordStatus.Outcome.FAILED, "Invoice not of valid status for modification", null);
        RecordStatus synced = new RecordStatus(tenant.getId(), "invoice", 12L);
        synced.record(RecordStatus.Outcome.SYNCED, null, null);
        RecordStatus contact = new RecordStatus(tenant.getId(), "contact", 11L);
        contact.record(RecordStatus.Outcome.FAILED, "Email address must be valid.", null);
        statuses.saveAll(List.of(failed, synced, contact));

        List<RecordStatus> failedInvoices = statuses.filter(tenant.getId(), "invoice", RecordStatus.Outcome.FAILED,
                null, null, PageRequest.of(0, 50)).getContent();

        assertThat(failedInvoices).extracting(RecordStatus::getLocalId).containsExactly(11L);
        assertThat(failedInvoices.get(0).getMessage()).isEqualTo("Invoice not of valid status for modification");
        assertThat(failedInvoices.get(0).getFailureCount()).isEqualTo(1);
        assertThat(statuses.filter(tenant.getId(), null, null, null, null, PageRequest.of(0, 50)).getTotalElements()).isEqualTo(3);
        java.time.Instant later = java.time.Instant.now().plusSeconds(60);
        assertThat(statuses.filter(tenant.getId(), null, null, later, null, PageRequest.of(0, 50)).getTotalElements())
                .as("nothing changed after a time still to come").isZero();
        assertThat(statuses.filter(tenant.getId(), null, null, null, later, PageRequest.of(0, 50)).getTotalElements()).isEqualTo(3);
    }
}
