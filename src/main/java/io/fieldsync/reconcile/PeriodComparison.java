package io.fieldsync.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Compares one kind of document between the two books of a period. Pairs are found through
 * record_link (never by number: numbering may be Xero's); a pair matches when total, tax, status
 * and amount paid agree. No I/O: the readers hand it both sides.
 */
@Component("periodComparison")
public class PeriodComparison {

    /** The outcome for one kind: matched pairs counted, the rest as rows. */
    public record Outcome(int matched, List<Difference> differences) {
    }

    /**
     * @param fsm            the FSM documents of the period that should be in Xero
     * @param xero           Xero's documents of the period, of the same kind (cancelled ones included)
     * @param linkedXeroIds  every Xero document linked to any FSM record of this kind, in or out of the period
     * @param linkedContacts Xero ContactIDs linked to FSM customers (or suppliers): only their documents can be missed in the FSM
     */
    public Outcome compare(Collection<FsmDocument> fsm, Collection<XeroDocument> xero, Set<String> linkedXeroIds,
                           Set<String> linkedContacts) {
        Map<String, XeroDocument> xeroById = xero.stream()
                .collect(Collectors.toMap(d -> key(d.xeroId()), Function.identity(), (a, b) -> a));
        Set<String> accountedFor = new HashSet<>();
        List<Difference> rows = new ArrayList<>();
        int matched = 0;
        for (FsmDocument document : fsm) {
            String entity = document.kind().entity();
            if (document.xeroId() == null) {
                rows.add(missedInXero(document, null, "never exported to Xero"));
                continue;
            }
            accountedFor.add(key(document.xeroId()));
            XeroDocument other = xeroById.get(key(document.xeroId()));
            boolean voided = "VOIDED".equals(document.xeroStatus());
            if (other == null) {
                if (voided) {
                    matched++; // void here, gone there: neither books carry it
                } else {
                    rows.add(missedInXero(document, null, "the linked Xero document is not among Xero's " + entity
                            + "s of the period: deleted, or dated outside it"));
                }
                continue;
            }
            if (other.isCancelled() && !voided) {
                rows.add(missedInXero(document, other, "the linked Xero document is " + other.status()));
                continue;
            }
            List<String> differs = new ArrayList<>();
            if (!same(document.total(), other.total())) {
                differs.add("total");
            }
            if (!same(document.tax(), other.tax())) {
                differs.add("tax");
            }
            if (!sameStatus(document.xeroStatus(), other.status()) && !nothingToPay(document, other) && !paidInXeroOnly(document, other)) {
                differs.add("status");
            }
            if (!voided && document.amountPaid() != null && !same(document.amountPaid(), other.amountPaid())) {
                differs.add("amountPaid");
            }
            if (differs.isEmpty()) {
                matched++;
            } else {
                rows.add(new Difference(entity, document.localId(), document.number(), other.xeroId(), document.total(),
                        other.total(), Difference.Status.DIFFERENT, differs, document.tax(), other.tax(),
                        document.xeroStatus(), other.status(), document.amountPaid(), other.amountPaid(),
                        String.join(", ", differs) + " differ" + (differs.size() == 1 ? "s" : "")));
            }
        }
        Set<String> linked = linkedXeroIds.stream().map(PeriodComparison::key).collect(Collectors.toSet());
        Set<String> contacts = linkedContacts.stream().map(PeriodComparison::key).collect(Collectors.toSet());
        for (XeroDocument document : xero) {
            String id = key(document.xeroId());
            if (accountedFor.contains(id) || linked.contains(id) || document.isCancelled()
                    || document.contactId() == null || !contacts.contains(key(document.contactId()))) {
                continue;
            }
            String entity = fsm.stream().findFirst().map(d -> d.kind().entity()).orElse(entityOf(document));
            rows.add(new Difference(entity, null, document.number(), document.xeroId(), null, document.total(),
                    Difference.Status.MISSED_IN_FSM, null, null, document.tax(), null, document.status(), null,
                    document.amountPaid(), "in Xero for a linked contact; no field-service document accounts for it"));
        }
        rows.sort(Comparator.comparing(Difference::status).thenComparing(d -> d.number() == null ? "" : d.number())
                .thenComparing(d -> d.xeroId() == null ? "" : d.xeroId()));
        return new Outcome(matched, rows);
    }

    private static Difference missedInXero(FsmDocument document, XeroDocument other, String reason) {
        return new Difference(document.kind().entity(), document.localId(), document.number(), document.xeroId(),
                document.total(), other == null ? null : other.total(), Difference.Status.MISSED_IN_XERO, null,
                document.tax(), other == null ? null : other.tax(), document.xeroStatus(), other == null ? null : other.status(),
                document.amountPaid(), other == null ? null : other.amountPaid(), reason);
    }

    private static String entityOf(XeroDocument document) {
        return "ACCPAY".equals(document.type()) ? DocumentKind.BILL.entity() : DocumentKind.INVOICE.entity();
    }

    /** An FSM document expected AUTHORISED that Xero shows SUBMITTED (awaiting approval) or DRAFT is a real difference. */
    private static boolean sameStatus(String expected, String actual) {
        return expected == null ? actual == null : expected.equalsIgnoreCase(actual);
    }

    /** Payments the FSM does not track (a bill's: amountPaid null) are Xero's alone: a bill paid there still agrees. */
    private static boolean paidInXeroOnly(FsmDocument document, XeroDocument other) {
        return document.amountPaid() == null && "AUTHORISED".equals(document.xeroStatus()) && "PAID".equals(other.status());
    }

    /** A $0 invoice has nothing to pay: approved (AUTHORISED) and PAID say the same of it. */
    private static boolean nothingToPay(FsmDocument document, XeroDocument other) {
        Set<String> settled = Set.of("AUTHORISED", "PAID");
        return same(document.total(), BigDecimal.ZERO) && same(other.total(), BigDecimal.ZERO)
                && settled.contains(document.xeroStatus()) && settled.contains(other.status());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return (a == null ? BigDecimal.ZERO : a).compareTo(b == null ? BigDecimal.ZERO : b) == 0;
    }

    private static String key(String id) {
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }
}
