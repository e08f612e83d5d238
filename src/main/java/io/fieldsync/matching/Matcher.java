package io.fieldsync.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Proposes, for unlinked field-service records, the Xero records they probably are. Exact rules
 * (contacts: contact number, tax number, email, normalised name; items: code, then normalised name)
 * link automatically when they point at exactly one Xero record that points back at only this one,
 * is not archived and not taken otherwise; every other candidate, and names merely similar (at least
 * {@code threshold}), is only suggested. Pairs a person rejected are never proposed again.
 */
public final class Matcher {

    /** Candidates suggested per record for similar names, best first. */
    static final int NEAR_PER_RECORD = 3;

    private final MatchKind kind;
    private final double threshold;

    public Matcher(MatchKind kind, double threshold) {
        this.kind = kind;
        this.threshold = threshold;
    }

    private record Rule(String name, Function<MatchCandidate, String> key, String localField, String xeroField) {
    }

    private List<Rule> rules() {
        if (kind == MatchKind.ITEMS) {
            return List.of(new Rule("code", c -> MatchNames.code(c.number()), "sku", "Code"),
                    new Rule("name", c -> MatchNames.normalised(c.name()), "name", "Name"));
        }
        return List.of(new Rule("contact number", c -> MatchNames.code(c.number()), "customer_number", "AccountNumber"),
                new Rule("contact number", c -> MatchNames.code(c.number()), "customer_number", "ContactNumber"),
                new Rule("tax number", c -> MatchNames.taxNumber(c.taxNumber()), "tax_number", "TaxNumber"),
                new Rule("email", c -> MatchNames.email(c.email()), "email", "EmailAddress"),
                new Rule("name", c -> MatchNames.normalised(c.name()), "name", "Name"));
    }

    /** Xero's side of a rule: ContactNumber is the contact's other number. */
    private static String xeroKey(Rule rule, MatchCandidate xero) {
        if (rule.xeroField().equals("ContactNumber")) {
            return MatchNames.code(xero.otherNumber());
        }
        return rule.key().apply(xero);
    }

    /**
     * @param locals   unlinked field-service records without a decision
     * @param xero     Xero records not linked to any field-service record of this kind
     * @param rejected pairs a person rejected, as "localId/xeroId"
     */
    public List<MatchProposal> propose(List<MatchCandidate> locals, List<MatchCandidate> xero, Set<String> rejected) {
        List<Rule> rules = rules();
        // for items a name counts only where no code does: "exact on code, then name"
        Map<Long, Map<String, List<String>>> exact = new LinkedHashMap<>(); // local -> xero id -> reasons
        for (Rule rule : rules) {
            Map<String, List<MatchCandidate>> xeroByKey = new HashMap<>();
            for (MatchCandidate x : xero) {
                String key = xeroKey(rule, x);
                if (!key.isEmpty()) {
                    xeroByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
                }
            }
            for (MatchCandidate local : locals) {
                long id = Long.parseLong(local.id());
                if (kind == MatchKind.ITEMS && rule.name().equals("name") && exact.containsKey(id)) {
                    continue;
                }
                String key = rule.key().apply(local);
                for (MatchCandidate x : key.isEmpty() ? List.<MatchCandidate>of() : xeroByKey.getOrDefault(key, List.of())) {
                    if (rejected.contains(id + "/" + x.id())) {
                        continue;
                    }
                    exact.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(x.id(), k -> new ArrayList<>())
                            .add(rule.name() + " " + shown(rule, local, x));
                }
            }
        }
        Map<String, Integer> claimants = new HashMap<>();
        exact.values().forEach(byXero -> byXero.keySet().forEach(x -> claimants.merge(x, 1, Integer::sum)));
        Map<String, MatchCandidate> xeroById = new HashMap<>();
        xero.forEach(x -> xeroById.put(x.id(), x));
        Map<String, List<Long>> claimedBy = new HashMap<>();
        exact.forEach((local, byXero) -> byXero.keySet().forEach(x -> claimedBy.computeIfAbsent(x, k -> new ArrayList<>()).add(local)));

        List<MatchProposal> proposals = new ArrayList<>();
        for (MatchCandidate local : locals) {
            long id = Long.parseLong(local.id());
            Map<String, List<String>> found = exact.get(id);
            if (found != null) {
                for (Map.Entry<String, List<String>> candidate : found.entrySet()) {
                    MatchCandidate x = xeroById.get(candidate.getKey());
                    String why = "exact: " + String.join(", ", candidate.getValue());
                    String holdBack = holdBack(local, x, found.size(), claimedBy.get(x.id()));
                    proposals.add(new MatchProposal(id, local.label(), x.id(), x.label(), kind.linkNumber(x), 1.0,
                            holdBack == null ? why : why + "; not linked automatically: " + holdBack, holdBack == null));
                }
                continue;
            }
            String name = MatchNames.normalised(local.name());
            xero.stream().filter(x -> !rejected.contains(id + "/" + x.id()))
                    .map(x -> Map.entry(x, MatchNames.similarity(name, MatchNames.normalised(x.name()))))
                    .filter(scored -> scored.getValue() >= threshold)
                    .sorted(Map.Entry.<MatchCandidate, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(scored -> scored.getKey().id()))
                    .limit(NEAR_PER_RECORD)
                    .forEach(scored -> proposals.add(new MatchProposal(id, local.label(), scored.getKey().id(),
                            scored.getKey().label(), kind.linkNumber(scored.getKey()), round(scored.getValue()), "similar name: '" + local.name() + "' ~ '"
                            + scored.getKey().name() + "'" + (scored.getKey().archived() ? "; archived in Xero" : ""), false)));
        }
        return proposals;
    }

    /** Why an exact candidate is only suggested, or null when it may be linked now. */
    private String holdBack(MatchCandidate local, MatchCandidate x, int candidates, List<Long> claimants) {
        List<String> reasons = new ArrayList<>();
        if (candidates > 1) {
            reasons.add(candidates + " " + kind.remote() + "s match exactly");
        }
        List<Long> others = claimants.stream().filter(c -> c != Long.parseLong(local.id())).toList();
        if (!others.isEmpty()) {
            reasons.add("it matches " + kind.local() + (others.size() > 1 ? "s " : " ")
                    + others.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + " too");
        }
        if (x.archived()) {
            reasons.add("archived in Xero");
        }
        if (x.usedBy() != null) {
            reasons.add(x.usedBy());
        }
        String ownTax = MatchNames.taxNumber(local.taxNumber());
        String theirTax = MatchNames.taxNumber(x.taxNumber());
        if (!ownTax.isEmpty() && !theirTax.isEmpty() && !ownTax.equals(theirTax)) {
            reasons.add("tax numbers differ (" + local.taxNumber() + " / " + x.taxNumber() + ")");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static String shown(Rule rule, MatchCandidate local, MatchCandidate x) {
        String value = switch (rule.localField()) {
            case "customer_number", "sku" -> local.number();
            case "tax_number" -> local.taxNumber();
            case "email" -> local.email();
            default -> local.name();
        };
        return "'" + value + "' = " + rule.xeroField();
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
