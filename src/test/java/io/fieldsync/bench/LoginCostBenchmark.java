package io.fieldsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;

import io.fieldsync.security.RememberedLogins;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the password check of one authenticated API request costs in CPU, with the stored
 * passwords' own encoder (BCrypt) and once the login is remembered ({@link RememberedLogins}).
 * Run on demand: {@code mvn test -Dtest=LoginCostBenchmark}.
 */
class LoginCostBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void passwordCheckPerRequest() {
        PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        RememberedLogins remembered = new RememberedLogins(bcrypt, Duration.ofMinutes(10), Clock.systemUTC());
        String stored = bcrypt.encode("correct horse battery staple");
        remembered.matches("correct horse battery staple", stored); // the first request pays BCrypt once

        double bcryptMs = cpuMillisPerCheck(bcrypt, stored, 20);
        double rememberedMs = cpuMillisPerCheck(remembered, stored, 20_000);
        System.out.printf("%nPassword check per request, CPU: BCrypt %.2f ms, remembered %.4f ms (%.0fx less)%n",
                bcryptMs, rememberedMs, bcryptMs / rememberedMs);
    }

    private static double cpuMillisPerCheck(PasswordEncoder encoder, String stored, int checks) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < checks; i++) {
            if (!encoder.matches("correct horse battery staple", stored)) {
                throw new AssertionError("the stored password no longer matches");
            }
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / checks;
    }
}
