package io.fieldsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A login pays BCrypt once per password and stored hash, not once per request; a guess pays it every time. */
class RememberedLoginsTest {

    private final CountingBCrypt bcrypt = new CountingBCrypt();
    private final MovableClock clock = new MovableClock();
    private final RememberedLogins logins = new RememberedLogins(bcrypt, Duration.ofMinutes(10), clock);
    private final String stored = logins.encode("correct horse");

    @Test
    void theRightPasswordIsHashedOnceForManyRequests() {
        for (int request = 0; request < 50; request++) {
            assertThat(logins.matches("correct horse", stored)).isTrue();
        }

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndPaysTheFullCostEveryTime() {
        assertThat(logins.matches("correct horse", stored)).isTrue();

        for (int guess = 0; guess < 5; guess++) {
            assertThat(logins.matches("correct horse " + guess, stored)).isFalse();
        }
        assertThat(logins.matches("wrong", stored)).isFalse();
        assertThat(logins.matches("wrong", stored)).isFalse();

        assertThat(bcrypt.checks).hasValue(8);
        assertThat(logins.matches("correct horse", stored)).as("the right one is still remembered").isTrue();
        assertThat(bcrypt.checks).hasValue(8);
    }

    @Test
    void aRememberedPasswordIsCheckedAgainAfterItsTime() {
        logins.matches("correct horse", stored);
        clock.move(Duration.ofMinutes(9));
        logins.matches("correct horse", stored);
        assertThat(bcrypt.checks).hasValue(1);

        clock.move(Duration.ofMinutes(2));
        assertThat(logins.matches("correct horse", stored)).isTrue();

        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void aPasswordRememberedForOneStoredHashPassesNoOther() {
        String other = logins.encode("battery staple");
        assertThat(logins.matches("correct horse", stored)).isTrue();

        assertThat(logins.matches("correct horse", other)).isFalse();
        assertThat(logins.matches("battery staple", other)).isTrue();
        assertThat(logins.matches("battery staple", stored)).isFalse();
    }

    private static final class CountingBCrypt implements PasswordEncoder {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4); // the lowest cost: the count is what matters
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T09:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
