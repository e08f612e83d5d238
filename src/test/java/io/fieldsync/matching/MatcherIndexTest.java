package io.fieldsync.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.fieldsync.testing.GeneratedCandidates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The indexed matcher proposes exactly what scoring every pair proposes ({@link AllPairsMatcher},
 * the matcher before the index), on seeded generated records: shared names, unicode, case,
 * punctuation, legal forms and typos, at thresholds where the index prunes and where it cannot.
 */
class MatcherIndexTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void contactsProposedAreThoseOfScoringEveryPair(long seed) {
        GeneratedCandidates.Sides sides = GeneratedCandidates.contacts(seed, 500, 500);
        Set<String> rejected = someRejected(sides, seed);
        for (double threshold : new double[] {0.9, 0.85, 0.75, 1.0}) {
            List<MatchProposal> indexed = new Matcher(MatchKind.CONTACTS, threshold).propose(sides.fsm(), sides.xero(), rejected);
            List<MatchProposal> allPairs = new AllPairsMatcher(MatchKind.CONTACTS, threshold).propose(sides.fsm(), sides.xero(), rejected);

            assertThat(indexed).as("seed %d, threshold %s", seed, threshold).containsExactlyElementsOf(allPairs);
            if (threshold == 0.9) {
                assertThat(allPairs).as("the data has similar names to find").filteredOn(p -> p.reason().startsWith("similar name"))
                        .hasSizeGreaterThan(15);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void itemsProposedAreThoseOfScoringEveryPair(long seed) {
        GeneratedCandidates.Sides sides = GeneratedCandidates.items(seed, 500, 500);
        for (double threshold : new double[] {0.9, 0.8, 0.7}) {
            assertThat(new Matcher(MatchKind.ITEMS, threshold).propose(sides.fsm(), sides.xero(), Set.of()))
                    .as("seed %d, threshold %s", seed, threshold)
                    .containsExactlyElementsOf(new AllPairsMatcher(MatchKind.ITEMS, threshold).propose(sides.fsm(), sides.xero(), Set.of()));
        }
    }

    /** Every pair at or above the threshold, not only the best three a record is offered. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.67, 0.7, 0.8, 0.81, 0.85, 0.9, 0.93, 0.97, 1.0})
    void everyPairAtOrAboveTheThresholdIsFound(double threshold) {
        GeneratedCandidates.Sides sides = GeneratedCandidates.contacts(Double.hashCode(threshold), 400, 400);
        SimilarNames similar = new SimilarNames(sides.xero(), threshold);
        for (MatchCandidate local : sides.fsm()) {
            String name = MatchNames.normalised(local.name());
            List<String> expected = sides.xero().stream()
                    .filter(x -> MatchNames.similarity(name, MatchNames.normalised(x.name())) >= threshold)
                    .map(MatchCandidate::id).sorted().toList();

            assertThat(similar.to(name).stream().map(s -> s.xero().id()).sorted().toList())
                    .as("'%s' at %s", local.name(), threshold).isEqualTo(expected);
        }
    }

    /** Near misses the index must not lose: one character apart, words swapped, prefixes alike, very short and long names. */
    @ParameterizedTest
    @ValueSource(doubles = {0.75, 0.85, 0.9, 0.95})
    void namesOneEditApartAreFoundLikeScoringEveryPair(double threshold) {
        Random random = new Random(42);
        List<String> names = List.of("ab", "abc", "abcd", "abce", "bacd", "anna", "nana", "a b", "b a", "smith plumbing",
                "smyth plumbing", "plumbing smith", "mtih plumbing", "outback strata", "outback stratas", "utback strata",
                "zoe nguyen", "nguyen zoe", "王伟", "王伟伟", "김민준", "smith", "smith and sons", "smith sons", "a", "b", "ba",
                "x y z", "owners corporation strata plan 12345 harbour view apartments care of coastal strata management "
                        + "level 3 building b", ("body corporate of the sandstone towers community title scheme " + "0123456789 ").repeat(3));
        List<MatchCandidate> xero = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String base = names.get(random.nextInt(names.size()));
            String name = i % 3 == 0 ? base : mutate(base, random);
            xero.add(new MatchCandidate("x" + i, null, null, name, null, null, false, null));
        }
        SimilarNames similar = new SimilarNames(xero, threshold);
        for (String probe : names) {
            String name = MatchNames.normalised(probe);
            Set<String> expected = new HashSet<>(xero.stream()
                    .filter(x -> MatchNames.similarity(name, MatchNames.normalised(x.name())) >= threshold).map(MatchCandidate::id).toList());
            assertThat(similar.to(name)).extracting(s -> s.xero().id()).as("'%s' at %s", probe, threshold)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String mutate(String name, Random random) {
        int at = random.nextInt(name.length());
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at);
            default -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(Math.min(name.length(), at + 1));
        };
    }

    /** A person rejected some of what scoring every pair suggests. */
    private static Set<String> someRejected(GeneratedCandidates.Sides sides, long seed) {
        Random random = new Random(seed);
        Set<String> rejected = new HashSet<>();
        new AllPairsMatcher(MatchKind.CONTACTS, 0.9).propose(sides.fsm(), sides.xero(), Set.of()).stream()
                .sorted(Comparator.comparingLong(MatchProposal::localId))
                .filter(p -> random.nextInt(5) == 0)
                .forEach(p -> rejected.add(p.localId() + "/" + p.xeroId()));
        return rejected;
    }
}
