package io.fieldsync.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The access and refresh tokens the sandbox has issued, and what each one is good for. */
final class Tokens {
    static final Duration ACCESS_LIFETIME = Duration.ofMinutes(30);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(60);

    /** {@code tenantId} is the one organisation of a custom connection; null for a user's token, good for its connections. */
    record AccessToken(String value, String tenantId, String scope, Instant expiresAt) {
    }

    record RefreshToken(String value, String tenantId, String scope, Instant expiresAt) {
    }

    record Grant(String access, String refresh, String scope) {
    }

    /** What an authorisation code was issued for: its scope, the PKCE challenge (if any) and the redirect URI. */
    record Code(String scope, String challenge, String challengeMethod, String redirectUri) {

        /** RFC 7636: S256 is base64url(SHA-256(verifier)), plain is the verifier itself; no challenge, no check. */
        boolean verifies(String verifier) {
            if (challenge == null) {
                return true;
            }
            if (verifier == null) {
                return false;
            }
            if ("plain".equals(challengeMethod)) {
                return challenge.equals(verifier);
            }
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return challenge.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, AccessToken> access = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refresh = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    /** Token requests answered with a token, and all token requests, by grant type: tests count refreshes. */
    private final Map<String, AtomicLong> granted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requested = new ConcurrentHashMap<>();
    private volatile boolean customConnectionDisconnected;

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

    void counted(String grantType) {
        granted.computeIfAbsent(grantType, g -> new AtomicLong()).incrementAndGet();
    }

    void requested(String grantType) {
        requested.computeIfAbsent(grantType, g -> new AtomicLong()).incrementAndGet();
    }

    long requests(String grantType) {
        AtomicLong count = requested.get(grantType);
        return count == null ? 0 : count.get();
    }

    long grants(String grantType) {
        AtomicLong count = granted.get(grantType);
        return count == null ? 0 : count.get();
    }

    /** A refresh token works once: it is removed here, so a second node refreshing with it fails. */
    RefreshToken redeemRefresh(String value) {
        RefreshToken token = value == null ? null : refresh.remove(value);
        return token == null || token.expiresAt().isBefore(clock.instant()) ? null : token;
    }

    boolean validRefresh(String value) {
        RefreshToken token = value == null ? null : refresh.get(value);
        return token != null && !token.expiresAt().isBefore(clock.instant());
    }

    long validRefreshTokens() {
        return refresh.values().stream().filter(t -> !t.expiresAt().isBefore(clock.instant())).count();
    }

    /** As when the user revokes the app, or its refresh token lay unused for 60 days: every refresh is invalid_grant. */
    void revokeRefreshTokens() {
        refresh.clear();
    }

    String newCode(String scope) {
        return newCode(new Code(scope == null ? "" : scope, null, null, null));
    }

    String newCode(Code what) {
        String code = randomToken();
        codes.put(code, what);
        return code;
    }

    /** What the code was granted for, or null: a code is single-use. */
    Code redeemCode(String code) {
        return code == null ? null : codes.remove(code);
    }

    AccessToken validAccess(String value) {
        AccessToken token = value == null ? null : access.get(value);
        return token == null || !token.expiresAt().isAfter(clock.instant()) ? null : token;
    }

    /** An access token this sandbox issued that is past its time: Xero tells it apart (TokenExpired) from one it never issued. */
    AccessToken expiredAccess(String value) {
        AccessToken token = value == null ? null : access.get(value);
        return token != null && !token.expiresAt().isAfter(clock.instant()) ? token : null;
    }

    /**
     * Every token issued so far is {@code age} older, as if that much time had passed with no call:
     * access tokens die after 30 minutes, a refresh token left unused for 60 days is refused.
     */
    void age(Duration age) {
        access.replaceAll((k, t) -> new AccessToken(t.value(), t.tenantId(), t.scope(), t.expiresAt().minus(age)));
        refresh.replaceAll((k, t) -> new RefreshToken(t.value(), t.tenantId(), t.scope(), t.expiresAt().minus(age)));
    }

    /** Lets a test play out "the token expired half-way through the run". */
    void expireAccessTokens() {
        access.replaceAll((k, t) -> new AccessToken(t.value(), t.tenantId(), t.scope(), Instant.EPOCH));
    }

    /**
     * The custom connection was disconnected in Xero: its client-credentials requests are refused
     * (unauthorized_client) and the tokens it holds stop working, until {@link #clear()}.
     */
    void disconnectCustomConnection() {
        customConnectionDisconnected = true;
        access.entrySet().removeIf(e -> e.getValue().tenantId() != null);
    }

    boolean customConnectionDisconnected() {
        return customConnectionDisconnected;
    }

    void clear() {
        customConnectionDisconnected = false;
        access.clear();
        refresh.clear();
        codes.clear();
        granted.clear();
        requested.clear();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
