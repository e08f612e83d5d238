package io.fieldsync.logging;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in a line of log text with {@code ****}: credentials after {@code Authorization},
 * {@code Bearer} tokens, {@code client_secret=}, {@code refresh_token=}, {@code password=} and the like
 * in forms, URLs and JSON, and every secret value the connector knows of (configured passwords and
 * secrets, and the access tokens it fetched), wherever it appears. Static, because Logback builds
 * its layouts before Spring starts.
 */
public final class SecretMasking {

    public static final String MASK = "****";

    /** Shorter values are not looked for literally: they would mask ordinary words. */
    static final int SHORTEST_KNOWN_SECRET = 6;
    /** Access tokens live 30 minutes; older ones are masked by the patterns alone. */
    private static final int RECENT_TOKENS = 16;

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)(?:(bearer|basic|digest|token)\\s+)?[^\\s\"',;\\[\\]{}]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(client[-_.]?secret|refresh[-_.]?token|access[-_.]?token|id[-_.]?token|[a-z]*password|passwd|pwd)"
                    + "([\"']?\\s*[=:]\\s*[\"']?)(?!(?:yes|no)\\b)[^\\s\"'&,;\\[\\]{}()]+");

    private static final Set<String> configured = ConcurrentHashMap.newKeySet();
    private static final ConcurrentLinkedDeque<String> recentTokens = new ConcurrentLinkedDeque<>();

    private SecretMasking() {
    }

    /** A configured secret (password, client secret): masked wherever it appears, for the life of the process. */
    public static void rememberConfigured(String secret) {
        if (secret != null && secret.length() >= SHORTEST_KNOWN_SECRET) {
            configured.add(secret);
        }
    }

    /** A token the connector was issued: masked wherever it appears while it is one of the recent ones. */
    public static void rememberToken(String token) {
        if (token == null || token.length() < SHORTEST_KNOWN_SECRET || recentTokens.contains(token)) {
            return;
        }
        recentTokens.addFirst(token);
        while (recentTokens.size() > RECENT_TOKENS) {
            recentTokens.pollLast();
        }
    }

    /** The text with every secret in it replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        masked = literally(masked, configured.iterator());
        masked = literally(masked, recentTokens.iterator());
        masked = replace(AUTHORIZATION, masked, m -> m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK);
        masked = replace(BEARER, masked, m -> m.group(1) + " " + MASK);
        masked = replace(KEY_VALUE, masked, m -> m.group(1) + m.group(2) + MASK);
        return masked;
    }

    static void forgetAll() {
        configured.clear();
        recentTokens.clear();
    }

    private static String literally(String text, Iterator<String> secrets) {
        String masked = text;
        while (secrets.hasNext()) {
            String secret = secrets.next();
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
