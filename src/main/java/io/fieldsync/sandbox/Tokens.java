package io.fieldsync.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The access and refresh tokens the sandbox has issued, and what each one is good for. */
final class Tokens {
    static final Duration ACCESS_LIFETIME = Duration.ofMinutes(30);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(60);

    record AccessToken(String value, String tenantId, String scope, Instant expiresAt) {
    }

    record RefreshToken(String value, String tenantId, String scope, Instant expiresAt) {
    }

    record Grant(String access, String refresh, String scope) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, AccessToken> access = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refresh = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>(); // authorization code -> scope

    Tokens(Clock clock) {
        this.clock = clock;
    }

    Grant issue(String tenantId, String scope, boolean withRefresh) {
        String accessValue = randomToken();
        access.put(accessValue, new AccessToken(accessValue, tenantId, scope, clock.instant().plus(ACCESS_LIFETIME)));
        String refreshValue = null;
        if (withRefresh) {
            refreshValue = randomToken();
            refresh.put(refreshValue, new RefreshToken(refreshValue, tenantId, scope, clock.instant().plus(REFRESH_LIFETIME)));
        }
        return new Grant(accessValue, refreshValue, scope);
    }

    /** A refresh token works once: it is removed here, so a second node refreshing with it fails. */
    RefreshToken redeemRefresh(String value) {
        RefreshToken token = value == null ? null : refresh.remove(value);
        return token == null || token.expiresAt().isBefore(clock.instant()) ? null : token;
    }

    String newCode(String scope) {
        String code = randomToken();
        codes.put(code, scope == null ? "" : scope);
        return code;
    }

    /** The scope the code was granted for, or null: a code is single-use. */
    String redeemCode(String code) {
        return code == null ? null : codes.remove(code);
    }

    AccessToken validAccess(String value) {
        AccessToken token = value == null ? null : access.get(value);
        return token == null || !token.expiresAt().isAfter(clock.instant()) ? null : token;
    }

    /** Lets a test play out "the token expired half-way through the run". */
    void expireAccessTokens() {
        access.replaceAll((k, t) -> new AccessToken(t.value(), t.tenantId(), t.scope(), Instant.EPOCH));
    }

    void clear() {
        access.clear();
        refresh.clear();
        codes.clear();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
