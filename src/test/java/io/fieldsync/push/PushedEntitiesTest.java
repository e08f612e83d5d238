package io.fieldsync.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.state.RecordStatus;
import org.junit.jupiter.api.Test;

/**
 * An entity the shared push has never heard of (credit notes, as in the README's example) takes
 * part through its own bean alone: the skip rules every entity shares come first, then its own.
 */
class PushedEntitiesTest {

    /** The README's example, as small as it gets: drafts are not sent, the rest wait for their customer. */
    static final class CreditNotes implements PushedEntity {
        @Override
        public String name() {
            return "credit-note";
        }

        @Override
        public List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
            return rows;
        }

        @Override
        public Optional<PushSkip> skip(Map<String, Object> creditNote) {
            if ("draft".equals(creditNote.get("status"))) {
                return PushSkip.rule("Draft credit note: not exported");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> customer = (Map<String, Object>) creditNote.get("customer");
            return PushSkip.unlessInXero(customer, "Customer " + customer.get("id"), "the credit note");
        }
    }

    private static final PushHolds NOTHING_HELD = new PushHolds() {
        @Override
        public Map<Long, String> awaiting(String entity, Collection<Long> localIds) {
            return Map.of();
        }

        @Override
        public String reason(String entity, Object localId, Object awaiting) {
            return "held";
        }
    };

    private final PushedEntities entities = new PushedEntities(List.of(new CreditNotes()));
    private final SkipRules skipRules = new SkipRules(entities, NOTHING_HELD);

    @Test
    void aNewEntitysOwnRulesDecideAfterTheSharedOnes() {
        Map<String, Object> customerMissing = Map.of("id", 9L, "sync_problem", "FAILED: Xero refused the e-mail");

        assertThat(skipRules.check("credit-note", creditNote("draft", customerMissing, null)))
                .contains(new PushSkip(RecordStatus.SkipKind.RULE, "Draft credit note: not exported"));
        assertThat(skipRules.check("credit-note", creditNote("issued", customerMissing, null))).contains(new PushSkip(
                RecordStatus.SkipKind.DEPENDENCY, "Customer 9 is not in Xero (FAILED: Xero refused the e-mail);"
                + " the credit note follows once it is"));
        assertThat(skipRules.check("credit-note", creditNote("issued", Map.of("id", 9L, "xero_id", "c-9"), null))).isEmpty();
        assertThat(skipRules.check("credit-note", creditNote("issued", Map.of("id", 9L, "xero_id", "c-9"), "2026-12-01")))
                .map(PushSkip::reason).hasValueSatisfying(reason -> assertThat(reason).startsWith("Soft-deleted"));
    }

    @Test
    void theTemplatesDefaultPreparationReachesTheEntitysBean() {
        List<Map<String, Object>> rows = List.of(Map.of("id", 1L));

        assertThat(entities.documents("credit-note", rows)).isSameAs(rows);
        assertThatThrownBy(() -> entities.documents("credit-note", rows, List.of()))
                .hasMessageContaining("credit-note push has no lines");
    }

    @Test
    void anEntityWithoutItsBeanIsNamedWithTheOnesThereAre() {
        assertThatThrownBy(() -> entities.named("refund")).isInstanceOf(IllegalStateException.class)
                .hasMessage("No PushedEntity bean is named refund; the pushed entities are [credit-note]");
    }

    private static Map<String, Object> creditNote(String status, Map<String, Object> customer, String deletedAt) {
        Map<String, Object> creditNote = new HashMap<>();
        creditNote.put("id", 1L);
        creditNote.put("status", status);
        creditNote.put("customer", customer);
        creditNote.put("deleted_at", deletedAt);
        return creditNote;
    }
}
