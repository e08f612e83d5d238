package io.fieldsync.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's embedded state store takes match_suggestion and its queries as MariaDB does. */
class MatchSuggestionsOnH2Test {

    @Test
    void suggestionsAndDecisionsRoundTripOnTheEmbeddedStore() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:matching-" + java.util.UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/state").load().migrate();
        JdbcTemplate state = new JdbcTemplate(h2);
        state.update("insert into xero_tenant (tenant_id, name, created_at, updated_at) values ('t', 'Demo', current_timestamp, current_timestamp)");
        long tenant = state.queryForObject("select id from xero_tenant", Long.class);
        MatchSuggestions suggestions = new MatchSuggestions(state);

        suggestions.add(tenant, MatchKind.CONTACTS, 7, "C00007 Acme", "x1", "Acme", "Acme", 0.9312, "similar name",
                MatchSuggestion.Status.SUGGESTED, null);
        suggestions.add(tenant, MatchKind.CONTACTS, 7, "C00007 Acme", "x2", "Acme Two", "Acme Two", 0.91, "similar name",
                MatchSuggestion.Status.SUGGESTED, null);

        assertThat(suggestions.list(tenant, MatchKind.CONTACTS, null, 10, 0)).hasSize(2);
        assertThat(suggestions.suggestedFor(tenant, MatchKind.CONTACTS, List.of(7L, 8L)).get(7L))
                .extracting(MatchSuggestion::xeroId).containsExactly("x1", "x2");
        assertThat(suggestions.decide(tenant, MatchKind.CONTACTS, 7, "x2", MatchSuggestion.Status.SUGGESTED,
                MatchSuggestion.Status.REJECTED, "operator")).isEqualTo(1);
        assertThat(suggestions.rejectedPairs(tenant, MatchKind.CONTACTS)).containsExactly("7/x2");
        assertThat(suggestions.list(tenant, MatchKind.CONTACTS, MatchSuggestion.Status.SUGGESTED, 10, 0))
                .singleElement().satisfies(s -> assertThat(s.score()).isEqualByComparingTo("0.9312"));
        assertThat(suggestions.forgetSuggested(tenant, MatchKind.CONTACTS)).isEqualTo(1);
        assertThat(suggestions.ofRecord(tenant, MatchKind.CONTACTS, 7)).singleElement()
                .satisfies(s -> assertThat(s.decidedBy()).isEqualTo("operator"));
    }
}
