package io.fieldsync.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check of HTTP Basic without a BCrypt hash on every request: a password that
 * passed the slow check for a stored hash is remembered, as an HMAC under a key that lives only in
 * this process, for {@code remembered} (ten minutes), and the same password for the same hash
 * then passes at the cost of one HMAC. A wrong password is never remembered, so every guess still
 * pays the full BCrypt cost; a changed password has another hash and goes the slow way again.
 * One entry per stored hash: memory does not grow with requests.
 */
public final class RememberedLogins implements PasswordEncoder {

    private record Passed(byte[] mac, Instant until) {
    }

    private final PasswordEncoder slow;
    private final Duration remembered;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Passed> passed = new ConcurrentHashMap<>();

    public RememberedLogins(PasswordEncoder slow, Duration remembered, Clock clock) {
        this.slow = slow;
        this.remembered = remembered;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return slow.matches(rawPassword, encodedPassword);
        }
        byte[] mac = mac(rawPassword, encodedPassword);
        Passed before = passed.get(encodedPassword);
        Instant now = clock.instant();
        if (before != null && now.isBefore(before.until()) && MessageDigest.isEqual(before.mac(), mac)) {
            return true;
        }
        boolean matches = slow.matches(rawPassword, encodedPassword);
        if (matches) {
            passed.put(encodedPassword, new Passed(mac, now.plus(remembered)));
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return slow.upgradeEncoding(encodedPassword);
    }

    private byte[] mac(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
