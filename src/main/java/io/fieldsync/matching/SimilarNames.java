package io.fieldsync.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Xero records whose names are at least {@code threshold} similar to a name, as
 * {@link MatchNames#similarity} scores them, without scoring every pair (20,000 customers against
 * 20,000 contacts are 400 million pairs). A pair reaches the threshold only by Jaro-Winkler, which
 * needs enough characters in common, or by word overlap, which needs enough words in common; so
 * each Xero name is indexed under a few small sets of its characters and of its words (the rarest
 * first) of which any partner reaching the threshold must share at least one (prefix filtering),
 * and only the pairs that meet under a key are scored. The bounds are exact, so the result is the
 * one scoring every pair would give; a threshold too low for them to exclude anything scores every
 * pair. Not thread-safe: one per matching run.
 */
final class SimilarNames {

    /** A Xero record and how similar its name is. */
    record Scored(MatchCandidate xero, double score) {
    }

    /** Jaro-Winkler's bonus counts at most this many leading characters in common. */
    private static final int MAX_PREFIX = 4;
    /** A bound is lowered by this much so that rounding never excludes a pair scoring exactly the threshold. */
    private static final double ROUNDING = 1e-9;
    /**
     * How many characters a key holds, per level: pairs whose first characters differ (level 0)
     * are most of all pairs, so their keys are sets of three, rarer together than any one
     * character; at the other levels the leading characters in common already narrow the pairs.
     */
    private static final int[] KEY_SIZE = {3, 1, 1, 1, 1};
    /** At most about this many keys per name and level: long names take smaller keys. */
    private static final int KEY_BUDGET = 200;
    /** Ranks are packed into one long key, 21 bits each. */
    private static final int RANK_BITS = 21;

    private final List<MatchCandidate> xero;
    private final double threshold;
    /** The distinct normalised Xero names, and which Xero records have each. */
    private final List<String> names = new ArrayList<>();
    private final List<int[]> holders = new ArrayList<>();
    /** Each distinct name's characters as ranks, rarest first (see {@link #byRarity}). */
    private final List<int[]> ranksOf = new ArrayList<>();
    /** Per level p (0..4): the fewest characters in common, as a share of a name's length, of a pair whose common prefix is p. */
    private final double[] sharedCharacters = new double[MAX_PREFIX + 1];
    private final double sharedWords;
    private final boolean everyPair;
    /** Per level: leading p characters -> key (a set of characters' ranks) -> names indexed under it. */
    private final List<Map<String, Map<Long, Ids>>> byCharacters = new ArrayList<>();
    private final Map<String, Ids> byWords = new HashMap<>();
    /** Characters (with their occurrence) by rank, rarest on the Xero side first; one Xero never has is rarer still. */
    private final Map<Integer, Integer> characterRanks = new HashMap<>();
    private final Map<String, Integer> wordCounts = new HashMap<>();
    private final Map<String, List<Scored>> found = new HashMap<>();
    /** Key sizes by level and name length, worked out once. */
    private final Map<Long, int[]> sizes = new HashMap<>();
    /** Which probe last collected each name: collects each candidate once without a set per probe. */
    private int[] collectedBy;
    private int probes;
    /** The names one probe collected; reused by the next. */
    private final Ids candidates = new Ids();

    SimilarNames(List<MatchCandidate> xero, double threshold) {
        this.xero = xero;
        this.threshold = threshold;
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < xero.size(); i++) {
            byName.computeIfAbsent(MatchNames.normalised(xero.get(i).name()), k -> new ArrayList<>()).add(i);
        }
        byName.forEach((name, ids) -> {
            names.add(name);
            holders.add(ids.stream().mapToInt(Integer::intValue).toArray());
        });
        this.collectedBy = new int[names.size()];
        for (int p = 0; p <= MAX_PREFIX; p++) {
            // Jaro-Winkler = jaro + 0.1 p (1 - jaro) reaches t only when jaro >= (t - 0.1 p) / (1 - 0.1 p); jaro is
            // at most (m/|a| + m/|b| + 1) / 3 with m characters in common, and m <= |b|, so m >= (3 jaro - 2) |a|
            double jaro = (threshold - 0.1 * p) / (1 - 0.1 * p);
            sharedCharacters[p] = 3 * jaro - 2;
            byCharacters.add(new HashMap<>());
        }
        // word overlap 2c / (|A| + |B|) >= t with c <= |B| needs c >= t |A| / (2 - t)
        this.sharedWords = threshold / (2 - threshold);
        // with nothing asked of pairs whose first characters differ, every pair may score
        this.everyPair = sharedCharacters[0] <= ROUNDING || sharedWords <= ROUNDING;
        if (!everyPair) {
            index();
        }
    }

    /** The Xero records at least {@code threshold} similar to the normalised name, in no particular order. */
    List<Scored> to(String name) {
        return found.computeIfAbsent(name, this::find);
    }

    private List<Scored> find(String name) {
        List<Scored> similar = new ArrayList<>();
        if (everyPair) {
            for (int i = 0; i < names.size(); i++) {
                score(name, i, similar);
            }
            return similar;
        }
        if (name.isEmpty()) {
            return similar; // an empty name is similar to nothing
        }
        int probe = ++probes;
        candidates.size = 0;
        String[] words = wordsByRarity(name);
        for (int w = 0; w < wordPrefix(words.length); w++) {
            collect(byWords.get(words[w]), probe);
        }
        int byWord = candidates.size;
        int[] ranks = byRarity(name);
        for (int p = 0; p <= Math.min(MAX_PREFIX, name.length()); p++) {
            Map<Long, Ids> level = byCharacters.get(p).get(name.substring(0, p));
            if (level != null) {
                for (long key : keys(ranks, p)) {
                    collect(level.get(key), probe);
                }
            }
        }
        for (int c = 0; c < candidates.size; c++) {
            int i = candidates.values[c];
            // met under a character key only: word overlap is short of the threshold (a pair reaching it shares a
            // word key), so only Jaro-Winkler can reach it, and cannot when too few characters are in common
            if (c < byWord || jaroWinklerMayReach(name, ranks, i)) {
                score(name, i, similar);
            }
        }
        return similar;
    }

    /**
     * Whether the characters the two names have in common allow Jaro-Winkler to reach the threshold
     * at all: with m in common and no transposition, jaro is (m/|a| + m/|b| + 1) / 3.
     */
    private boolean jaroWinklerMayReach(String name, int[] ranks, int i) {
        String other = names.get(i);
        int prefix = 0;
        while (prefix < Math.min(MAX_PREFIX, Math.min(name.length(), other.length())) && name.charAt(prefix) == other.charAt(prefix)) {
            prefix++;
        }
        double jaro = (threshold - ROUNDING - 0.1 * prefix) / (1 - 0.1 * prefix);
        double needed = (3 * jaro - 1) / (1.0 / name.length() + 1.0 / other.length());
        if (needed > Math.min(name.length(), other.length())) {
            return false; // the lengths alone are too far apart
        }
        int[] otherRanks = ranksOf.get(i);
        int common = 0;
        // counts the characters in common, and stops as soon as too few are left to reach the number needed
        for (int a = 0, b = 0; a < ranks.length && b < otherRanks.length; ) {
            if (common + Math.min(ranks.length - a, otherRanks.length - b) < needed) {
                return false;
            }
            if (ranks[a] < otherRanks[b]) {
                a++;
            } else if (ranks[a] > otherRanks[b]) {
                b++;
            } else {
                common++;
                a++;
                b++;
            }
        }
        return common >= needed;
    }

    private void score(String name, int i, List<Scored> similar) {
        double score = MatchNames.similarity(name, names.get(i));
        if (score >= threshold) {
            for (int holder : holders.get(i)) {
                similar.add(new Scored(xero.get(holder), score));
            }
        }
    }

    private void collect(Ids ids, int probe) {
        if (ids == null) {
            return;
        }
        for (int k = 0; k < ids.size; k++) {
            int i = ids.values[k];
            if (collectedBy[i] != probe) {
                collectedBy[i] = probe;
                candidates.add(i);
            }
        }
    }

    private void index() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String name : names) {
            for (int character : characters(name)) {
                counts.merge(character, 1, Integer::sum);
            }
            for (String word : words(name)) {
                wordCounts.merge(word, 1, Integer::sum);
            }
        }
        counts.keySet().stream().sorted(Comparator.<Integer>comparingInt(counts::get).thenComparingInt(c -> c))
                .forEach(c -> characterRanks.put(c, characterRanks.size()));
        if (characterRanks.size() >= 1 << RANK_BITS) {
            throw new IllegalStateException("too many distinct characters to index: " + characterRanks.size());
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int[] ranks = byRarity(name);
            ranksOf.add(ranks);
            if (name.isEmpty()) {
                continue;
            }
            for (int p = 0; p <= Math.min(MAX_PREFIX, name.length()); p++) {
                Map<Long, Ids> level = byCharacters.get(p).computeIfAbsent(name.substring(0, p), k -> new HashMap<>());
                for (long key : keys(ranks, p)) {
                    level.computeIfAbsent(key, k -> new Ids()).add(i);
                }
            }
            String[] words = wordsByRarity(name);
            for (int w = 0; w < wordPrefix(words.length); w++) {
                byWords.computeIfAbsent(words[w], k -> new Ids()).add(i);
            }
        }
    }

    /**
     * The keys a name is filed and looked up under at level p. Two names with at least m of their
     * n characters in common share their k rarest common characters, and those are among the
     * n - m + k rarest of each; so every set of k of those is a key. A key with a character no Xero
     * name has (rank -1) finds nothing and is left out. With nothing asked but the leading
     * characters, those are the whole key.
     */
    private long[] keys(int[] ranks, int p) {
        if (sharedCharacters[p] <= ROUNDING) {
            return new long[] {0};
        }
        int length = ranks.length;
        int needed = needed(p, length);
        Keys keys = new Keys();
        for (int size : sizes(p, length)) {
            subsets(Arrays.copyOf(ranks, length - needed + size), size, 0, 0, 0, keys);
        }
        return Arrays.copyOf(keys.values, keys.size);
    }

    /** Characters a name of this length has in common with any partner reaching the threshold at level p. */
    private int needed(int p, int length) {
        return Math.max(1, (int) Math.ceil(sharedCharacters[p] * length - ROUNDING));
    }

    /**
     * How many characters a key of a name of this length holds: up to {@link #KEY_SIZE}, no more
     * than it needs in common, and fewer for long names, whose sets would be too many otherwise.
     */
    private int keySize(int p, int length) {
        int needed = needed(p, length);
        int size = Math.min(KEY_SIZE[p], needed);
        while (size > 1 && combinations(length - needed + size, size) > KEY_BUDGET) {
            size--;
        }
        return size;
    }

    /**
     * The key sizes a name of this length is filed and looked up under: its own, and the smaller
     * ones of the lengths its partners can have (at least share x length, at most length / share,
     * as m is at most either length): a pair meets under the smaller of its two sizes.
     */
    private int[] sizes(int p, int length) {
        return sizes.computeIfAbsent(p * 1_000_000L + length, k -> {
            double share = sharedCharacters[p];
            int own = keySize(p, length);
            int shortest = Math.max(1, (int) Math.ceil(share * length - ROUNDING));
            long longest = (long) Math.floor(length / share + ROUNDING);
            java.util.TreeSet<Integer> found = new java.util.TreeSet<>(List.of(own));
            // a key size is the same for every length from where the budget first lowers it: stop there
            for (long other = shortest; other <= longest && found.size() < own; other++) {
                int size = keySize(p, (int) Math.min(other, Integer.MAX_VALUE));
                if (size < own) {
                    found.add(size);
                }
                if (other > length && size == 1) {
                    break;
                }
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    private static long combinations(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    private static void subsets(int[] prefix, int size, int from, int chosen, long key, Keys keys) {
        if (chosen == size) {
            keys.add(key * 0x9E3779B97F4A7C15L); // one to one, and spreads packed ranks over HashMap's buckets
            return;
        }
        for (int i = from; i <= prefix.length - (size - chosen); i++) {
            if (prefix[i] >= 0) {
                subsets(prefix, size, i + 1, chosen + 1, (key << RANK_BITS) | (prefix[i] + 1L), keys);
            }
        }
    }

    private int wordPrefix(int words) {
        int needed = Math.max(1, (int) Math.ceil(sharedWords * words - ROUNDING));
        return words - needed + 1;
    }

    /**
     * A name's characters as Jaro counts them, one per occurrence ("anna": a, n, n#2, a#2), so two
     * names share as many as they have characters in common; as ranks, rarest first.
     */
    private int[] byRarity(String name) {
        int[] characters = characters(name);
        int[] ranks = new int[characters.length];
        for (int i = 0; i < characters.length; i++) {
            ranks[i] = characterRanks.getOrDefault(characters[i], -1);
        }
        Arrays.sort(ranks);
        return ranks;
    }

    private static int[] characters(String name) {
        int[] characters = new int[name.length()];
        Map<Character, Integer> seen = new HashMap<>();
        for (int i = 0; i < name.length(); i++) {
            int occurrence = seen.merge(name.charAt(i), 1, Integer::sum);
            characters[i] = (occurrence << 16) | name.charAt(i);
        }
        return characters;
    }

    private String[] wordsByRarity(String name) {
        return words(name).stream()
                .sorted(Comparator.<String>comparingInt(w -> wordCounts.getOrDefault(w, 0)).thenComparing(w -> w))
                .toArray(String[]::new);
    }

    /** The set of words word overlap counts. */
    private static Set<String> words(String name) {
        return name.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(name.split(" ")));
    }

    /** A growing list of keys, without boxing. */
    private static final class Keys {
        long[] values = new long[16];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    /** A growing list of name positions, without boxing. */
    private static final class Ids {
        int[] values = new int[4];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
