package io.fieldsync.matching;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How two names are compared: identical (case and surrounding whitespace aside), or normalised (case, accents, punctuation, whitespace, "&" and the
 * legal-form suffixes Pty Ltd, Ltd, Limited, Inc, LLC) they are the same name or not; short of that,
 * how similar they are (the better of Jaro-Winkler and token overlap, 0..1).
 */
public final class MatchNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal forms at the end of a name, longest first, as tokens. */
    private static final List<List<String>> SUFFIXES = List.of(
            List.of("proprietary", "limited"), List.of("pty", "limited"), List.of("pty", "ltd"), List.of("pty"),
            List.of("limited"), List.of("ltd"), List.of("incorporated"), List.of("inc"), List.of("llc"), List.of("plc"),
            List.of("corporation"), List.of("corp"), List.of("co"));

    private MatchNames() {
    }

    /** "Acme Plumbing Pty. Ltd." and "ACME  plumbing" both become "acme plumbing"; null or blank is "". */
    public static String normalised(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("&", " and ");
        List<String> tokens = new java.util.ArrayList<>(Arrays.stream(NOT_WORD.split(plain)).filter(t -> !t.isEmpty()).toList());
        boolean stripped = true;
        while (stripped && tokens.size() > 1) {
            stripped = false;
            for (List<String> suffix : SUFFIXES) {
                int from = tokens.size() - suffix.size();
                if (from >= 1 && tokens.subList(from, tokens.size()).equals(suffix)) {
                    tokens.subList(from, tokens.size()).clear();
                    stripped = true;
                    break;
                }
            }
        }
        if (!tokens.isEmpty() && tokens.get(0).equals("the") && tokens.size() > 1) {
            tokens.remove(0);
        }
        return String.join(" ", tokens);
    }

    /**
     * The name as a person typed it, with only surrounding and repeated whitespace and case set
     * aside: " Outback  Strata " and "OUTBACK STRATA" are identical, "Outback Strata Pty Ltd" is not.
     */
    public static String identical(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Codes (item codes, contact numbers): case and surrounding whitespace do not count. */
    public static String code(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    /** Tax numbers (ABN, GST, VAT): only letters and digits count, "51 824 753 556" = "51824753556". */
    public static String taxNumber(String number) {
        return number == null ? "" : NOT_WORD.matcher(number).replaceAll("").toUpperCase(Locale.ROOT);
    }

    public static String email(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Similarity of two normalised names, 0..1: the better of Jaro-Winkler and token (Dice) overlap. */
    public static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return Math.max(jaroWinkler(a, b), tokenOverlap(a, b));
    }

    /** Dice coefficient of the two names' word sets: "smith plumbing" and "smith plumbing services" = 0.8. */
    static double tokenOverlap(String a, String b) {
        Set<String> left = new HashSet<>(Arrays.asList(a.split(" ")));
        Set<String> right = new HashSet<>(Arrays.asList(b.split(" ")));
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        return 2.0 * common.size() / (left.size() + right.size());
    }

    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = Math.max(0, i - window); j < Math.min(b.length(), i + window + 1); j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
