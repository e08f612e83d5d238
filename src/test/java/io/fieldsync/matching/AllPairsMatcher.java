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
 * The matcher as it was before names were indexed (commit f13bae3, {@code Matcher}, unchanged but
 * for its name): it scores every field-service record's name against every Xero record's. Kept
 * only as the reference the indexed {@link Matcher} must agree with ({@code MatcherIndexTest}) and
 * the "before" of {@code MatchingBenchmark}.
 */
public final class AllPairsMatcher {

    /** Candidates suggested per record for similar names, best first. */
    static final int NEAR_PER_RECORD = 3;

    private final MatchKind kind;
    private final double threshold;

    public AllPairsMatcher(MatchKind kind, double threshold) {
        this.kind = kind;
        this.threshold = threshold;
    }

    /** tier 0: an identifier or the identical name; tier 1: a name equal only once normalised. */
    private record Rule(String name, Function<MatchCandidate, String> key, String localField, String xeroField, int tier) {
        Rule(String name, Function<MatchCandidate, String> key, String localField, String xeroField) {
            this(name, key, localField, xeroField, STRONG);
        }

        boolean byName() {
            return localField.equals("name");
        }
    }

    private static final int STRONG = 0;
    private static final int NORMALISED_NAME = 1;

    /** An exact pair's reasons and its best tier. */
    private static final class Pair {
        final List<String> reasons = new ArrayList<>();
        int tier = Integer.MAX_VALUE;
        boolean identicalName;
    }

    private List<Rule> rules() {
        if (kind == MatchKind.ITEMS) {
            return List.of(new Rule("code", c -> MatchNames.code(c.number()), "sku", "Code"),
                    new Rule("identical name", c -> MatchNames.identical(c.name()), "name", "Name"),
                    new Rule("name", c -> MatchNames.normalised(c.name()), "name", "Name", NORMALISED_NAME));
        }
        return List.of(new Rule("contact number", c -> MatchNames.code(c.number()), "customer_number", "AccountNumber"),
                new Rule("contact number", c -> MatchNames.code(c.number()), "customer_number", "ContactNumber"),
                new Rule("tax number", c -> MatchNames.taxNumber(c.taxNumber()), "tax_number", "TaxNumber"),
                new Rule("email", c -> MatchNames.email(c.email()), "email", "EmailAddress"),
                new Rule("identical name", c -> MatchNames.identical(c.name()), "name", "Name"),
                new Rule("name", c -> MatchNames.normalised(c.name()), "name", "Name", NORMALISED_NAME));
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
        Map<Long, Map<String, Pair>> pairs = new LinkedHashMap<>(); // local -> xero id -> reasons and tier
        Set<Long> byCode = new java.util.HashSet<>();
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
                if (kind == MatchKind.ITEMS && rule.byName() && byCode.contains(id)) {
                    continue;
                }
                String key = rule.key().apply(local);
                for (MatchCandidate x : key.isEmpty() ? List.<MatchCandidate>of() : xeroByKey.getOrDefault(key, List.of())) {
                    if (rejected.contains(id + "/" + x.id())) {
                        continue;
                    }
                    Pair pair = pairs.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(x.id(), k -> new Pair());
                    if (rule.tier() == NORMALISED_NAME && pair.identicalName) {
                        continue; // the identical name says it already
                    }
                    pair.reasons.add(rule.name() + " " + shown(rule, local, x)
                            + (rule.tier() == NORMALISED_NAME ? " (legal form and punctuation aside)" : ""));
                    pair.tier = Math.min(pair.tier, rule.tier());
                    pair.identicalName |= rule.byName() && rule.tier() == STRONG;
                    if (!rule.byName()) {
                        byCode.add(id);
                    }
                }
            }
        }
        Map<String, MatchCandidate> xeroById = new HashMap<>();
        xero.forEach(x -> xeroById.put(x.id(), x));
        Map<Long, Map<String, Pair>> exact = bestTier(pairs);
        Map<String, List<Long>> claimedBy = new HashMap<>();
        exact.forEach((local, byXero) -> byXero.forEach((x, pair) -> {
            if (pair.tier != TAKEN) {
                claimedBy.computeIfAbsent(x, k -> new ArrayList<>()).add(local);
            }
        }));

        List<MatchProposal> proposals = new ArrayList<>();
        for (MatchCandidate local : locals) {
            long id = Long.parseLong(local.id());
            Map<String, Pair> found = exact.get(id);
            if (found != null) {
                for (Map.Entry<String, Pair> candidate : found.entrySet()) {
                    MatchCandidate x = xeroById.get(candidate.getKey());
                    String why = "exact: " + String.join(", ", candidate.getValue().reasons);
                    String holdBack = candidate.getValue().tier == TAKEN
                            ? closer(x, pairs, claimedBy.getOrDefault(x.id(), List.of()))
                            : holdBack(local, x, found.size(), claimedBy.get(x.id()));
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

    /** Marks a pair kept only to be suggested: its Xero record matches another record in a better tier. */
    private static final int TAKEN = -1;

    /**
     * Each record's exact pairs within its best tier. First each Xero record keeps the claims of
     * its own best tier; then each field-service record keeps its best tier of what is left. A
     * record whose every pair went to closer claims keeps them, marked {@link #TAKEN}, to be
     * suggested with the reason.
     */
    private static Map<Long, Map<String, Pair>> bestTier(Map<Long, Map<String, Pair>> pairs) {
        Map<String, Integer> xeroBest = new HashMap<>();
        pairs.values().forEach(byXero -> byXero.forEach((x, pair) -> xeroBest.merge(x, pair.tier, Math::min)));
        Map<Long, Map<String, Pair>> kept = new LinkedHashMap<>();
        pairs.forEach((local, byXero) -> {
            Map<String, Pair> mine = new LinkedHashMap<>();
            byXero.forEach((x, pair) -> {
                if (pair.tier <= xeroBest.get(x)) {
                    mine.put(x, pair);
                }
            });
            if (mine.isEmpty()) {
                Map<String, Pair> taken = new LinkedHashMap<>();
                byXero.forEach((x, pair) -> {
                    Pair copy = new Pair();
                    copy.reasons.addAll(pair.reasons);
                    copy.tier = TAKEN;
                    taken.put(x, copy);
                });
                kept.put(local, taken);
                return;
            }
            int best = mine.values().stream().mapToInt(pair -> pair.tier).min().orElseThrow();
            mine.values().removeIf(pair -> pair.tier > best);
            kept.put(local, mine);
        });
        return kept;
    }

    /** Why a pair whose Xero record another record matches more closely is only suggested. */
    private String closer(MatchCandidate x, Map<Long, Map<String, Pair>> pairs, List<Long> claimants) {
        List<String> closer = claimants.stream().map(String::valueOf).toList();
        boolean identical = claimants.stream().anyMatch(c -> pairs.get(c).get(x.id()).identicalName);
        return "its name is " + (identical ? "identical to " : "matched more closely by ") + kind.local()
                + (closer.size() > 1 ? "s " : " ") + String.join(", ", closer);
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
