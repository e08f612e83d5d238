package io.fieldsync.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MatcherTest {

    private final Matcher contacts = new Matcher(MatchKind.CONTACTS, 0.9);
    private final Matcher items = new Matcher(MatchKind.ITEMS, 0.9);

    private static MatchCandidate customer(long id, String number, String name, String email, String tax) {
        return new MatchCandidate(String.valueOf(id), number, null, name, email, tax, false, null);
    }

    private static MatchCandidate contact(String id, String accountNumber, String name, String email, String tax) {
        return new MatchCandidate(id, accountNumber, null, name, email, tax, false, null);
    }

    @Test
    void namesAreComparedWithoutCasePunctuationAccentsOrLegalForm() {
        assertThat(MatchNames.normalised("ACME  Plumbing Pty. Ltd.")).isEqualTo("acme plumbing");
        assertThat(MatchNames.normalised("Acme Plumbing Limited")).isEqualTo("acme plumbing");
        assertThat(MatchNames.normalised("Smith & Sons, Inc")).isEqualTo("smith and sons");
        assertThat(MatchNames.normalised("Zoë Nguyễn")).isEqualTo("zoe nguyen");
        assertThat(MatchNames.normalised("The Pool Co")).isEqualTo("pool");
    }

    @Test
    void eachExactRuleLinksOnItsOwn() {
        List<MatchCandidate> locals = List.of(
                customer(1, "C00001", "One Pty Ltd", null, null),
                customer(2, "C00002", "Two", null, "51 824 753 556"),
                customer(3, "C00003", "Three", "Accounts@Three.com.au", null),
                customer(4, "C00004", "Harbour View Strata Pty Ltd", null, null));
        List<MatchCandidate> xero = List.of(
                contact("x1", "c00001", "Completely different", null, null),
                contact("x2", null, "Other name", null, "51824753556"),
                contact("x3", null, "Third", "accounts@three.com.au", null),
                contact("x4", null, "HARBOUR VIEW STRATA", null, null));

        List<MatchProposal> proposals = contacts.propose(locals, xero, Set.of());

        assertThat(proposals).extracting(MatchProposal::localId, MatchProposal::xeroId, MatchProposal::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "x1", true), org.assertj.core.groups.Tuple.tuple(2L, "x2", true),
                        org.assertj.core.groups.Tuple.tuple(3L, "x3", true), org.assertj.core.groups.Tuple.tuple(4L, "x4", true));
        assertThat(proposals.get(0).reason()).contains("contact number 'C00001' = AccountNumber");
        assertThat(proposals.get(1).reason()).contains("tax number");
        assertThat(proposals.get(2).reason()).contains("email");
        assertThat(proposals.get(3).reason()).contains("name");
    }

    @Test
    void twoCustomersMatchingOneContactAreOnlySuggested() {
        List<MatchProposal> proposals = contacts.propose(
                List.of(customer(1, null, "A", "shared@example.com", null), customer(2, null, "B", "shared@example.com", null)),
                List.of(contact("x", null, "C", "shared@example.com", null)), Set.of());

        assertThat(proposals).hasSize(2).noneMatch(MatchProposal::link);
        assertThat(proposals.get(0).reason()).contains("it matches customer 2 too");
    }

    @Test
    void differingTaxNumbersHoldAnExactEmailBack() {
        List<MatchProposal> proposals = contacts.propose(List.of(customer(1, null, "A", "a@example.com", "111")),
                List.of(contact("x", null, "B", "a@example.com", "222")), Set.of());

        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.link()).isFalse();
            assertThat(p.reason()).contains("tax numbers differ");
        });
    }

    @Test
    void similarNamesAreSuggestedAndRejectedPairsNeverComeBack() {
        List<MatchCandidate> locals = List.of(customer(1, null, "Bayside Pool Services", null, null));
        List<MatchCandidate> xero = List.of(contact("x1", null, "Bayside Pool Service", null, null),
                contact("x2", null, "Northside Electrical", null, null));

        assertThat(contacts.propose(locals, xero, Set.of())).singleElement().satisfies(p -> {
            assertThat(p.xeroId()).isEqualTo("x1");
            assertThat(p.link()).isFalse();
            assertThat(p.score()).isBetween(0.9, 0.999);
            assertThat(p.reason()).startsWith("similar name");
        });
        assertThat(contacts.propose(locals, xero, Set.of("1/x1"))).isEmpty();
    }

    @Test
    void differentPeopleWithACommonSurnameAreNotSuggested() {
        assertThat(contacts.propose(List.of(customer(1, null, "John Smith", null, null)),
                List.of(contact("x", null, "Jane Smith", null, null), contact("y", null, "Smith Plumbing", null, null)), Set.of()))
                .isEmpty();
    }

    @Test
    void itemsMatchOnCodeBeforeName() {
        List<MatchCandidate> materials = List.of(
                new MatchCandidate("1", "PUMP-01", null, "Pool pump", null, null, false, null),
                new MatchCandidate("2", null, null, "Call-out fee", null, null, false, null));
        List<MatchCandidate> xero = List.of(
                new MatchCandidate("i1", "pump-01", null, "Something else", null, null, false, null),
                new MatchCandidate("i2", "CALLOUT", null, "Call out fee", null, null, false, null),
                new MatchCandidate("i3", "POOLPUMP", null, "Pool pump", null, null, false, null));

        List<MatchProposal> proposals = items.propose(materials, xero, Set.of());

        assertThat(proposals).extracting(MatchProposal::localId, MatchProposal::xeroId, MatchProposal::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "i1", true), org.assertj.core.groups.Tuple.tuple(2L, "i2", true));
        assertThat(proposals.get(0).xeroNumber()).isEqualTo("pump-01");
    }

    @Test
    void anIdenticalNameLinksBeforeANameEqualOnlyWithoutItsLegalForm() {
        List<MatchCandidate> locals = List.of(customer(1, null, "Outback Strata", null, null),
                customer(2, null, "Outback Strata Pty Ltd", null, null));
        List<MatchCandidate> xero = List.of(contact("x-plain", null, "Outback Strata", null, null),
                contact("x-pty", null, "Outback Strata Pty Ltd", null, null));

        List<MatchProposal> proposals = contacts.propose(locals, xero, Set.of());

        assertThat(proposals).extracting(MatchProposal::localId, MatchProposal::xeroId, MatchProposal::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "x-plain", true),
                        org.assertj.core.groups.Tuple.tuple(2L, "x-pty", true));
    }

    @Test
    void identicalMeansTheSameAfterTrimmingAndCaseAndEachSuffixVariantFindsItsOwn() {
        List<MatchCandidate> locals = List.of(
                customer(1, null, "  outback strata ", null, null),
                customer(2, null, "OUTBACK STRATA PTY LTD", null, null),
                customer(3, null, "Outback Strata Ltd", null, null),
                customer(4, null, "outback strata limited", null, null),
                customer(5, null, "Outback Strata Inc", null, null),
                customer(6, null, "Outback Strata, Inc.", null, null));
        List<MatchCandidate> xero = List.of(
                contact("x-plain", null, "Outback Strata", null, null),
                contact("x-pty", null, "Outback Strata Pty Ltd", null, null),
                contact("x-ltd", null, "Outback Strata Ltd", null, null),
                contact("x-limited", null, "Outback Strata Limited", null, null),
                contact("x-inc", null, "Outback Strata Inc", null, null),
                contact("x-punct", null, "Outback Strata, Inc.", null, null));

        List<MatchProposal> proposals = contacts.propose(locals, xero, Set.of());

        assertThat(proposals).extracting(MatchProposal::localId, MatchProposal::xeroId, MatchProposal::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "x-plain", true),
                        org.assertj.core.groups.Tuple.tuple(2L, "x-pty", true),
                        org.assertj.core.groups.Tuple.tuple(3L, "x-ltd", true),
                        org.assertj.core.groups.Tuple.tuple(4L, "x-limited", true),
                        org.assertj.core.groups.Tuple.tuple(5L, "x-inc", true),
                        org.assertj.core.groups.Tuple.tuple(6L, "x-punct", true));
        assertThat(proposals.get(0).reason()).contains("identical name");
    }

    @Test
    void aNameEqualOnlyWithoutLegalFormStillLinksWhenNothingIsIdentical() {
        List<MatchProposal> proposals = contacts.propose(List.of(customer(1, null, "Outback Strata", null, null)),
                List.of(contact("x", null, "OUTBACK STRATA PTY. LTD.", null, null)), Set.of());

        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.link()).isTrue();
            assertThat(p.reason()).contains("legal form");
        });
    }

    @Test
    void ambiguityIsJudgedWithinTheBestTier() {
        // two Xero contacts identical to one customer: undecided, whatever the legal-form variants say
        List<MatchProposal> twoIdentical = contacts.propose(List.of(customer(1, null, "Outback Strata", null, null)),
                List.of(contact("a", null, "Outback Strata", null, null), contact("b", null, "outback strata", null, null),
                        contact("c", null, "Outback Strata Pty Ltd", null, null)), Set.of());
        assertThat(twoIdentical).extracting(MatchProposal::xeroId).containsExactly("a", "b");
        assertThat(twoIdentical).noneMatch(MatchProposal::link);

        // two Xero contacts equal without the legal form, none identical: undecided as before
        List<MatchProposal> twoVariants = contacts.propose(List.of(customer(1, null, "Outback Strata", null, null)),
                List.of(contact("c", null, "Outback Strata Pty Ltd", null, null), contact("d", null, "Outback Strata Ltd", null, null)),
                Set.of());
        assertThat(twoVariants).hasSize(2).noneMatch(MatchProposal::link);

        // a customer whose only candidate is identical to another customer: that one links, this one waits
        List<MatchProposal> taken = contacts.propose(List.of(customer(1, null, "Outback Strata", null, null),
                        customer(2, null, "Outback Strata Pty Ltd", null, null)),
                List.of(contact("x", null, "Outback Strata", null, null)), Set.of());
        assertThat(taken).extracting(MatchProposal::localId, MatchProposal::xeroId, MatchProposal::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "x", true), org.assertj.core.groups.Tuple.tuple(2L, "x", false));
        assertThat(taken.get(1).reason()).contains("identical to customer 1");
    }

    @Test
    void itemNamesPreferTheIdenticalToo() {
        List<MatchCandidate> materials = List.of(new MatchCandidate("1", null, null, "Pool Pump", null, null, false, null),
                new MatchCandidate("2", null, null, "Pool Pump Ltd", null, null, false, null));
        List<MatchCandidate> xero = List.of(new MatchCandidate("i1", "PP", null, "pool pump", null, null, false, null),
                new MatchCandidate("i2", "PPL", null, "Pool Pump Ltd", null, null, false, null));

        assertThat(items.propose(materials, xero, Set.of()))
                .extracting(MatchProposal::localId, MatchProposal::xeroId, MatchProposal::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "i1", true), org.assertj.core.groups.Tuple.tuple(2L, "i2", true));
    }
}
