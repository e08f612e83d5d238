package io.fieldsync.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Everything but {@code /actuator/health} needs a login: the operator API, metrics, Hawtio and
 * Jolokia. HTTP Basic, so the API works from curl and scripts and a browser asks for it on Hawtio.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain operatorLogin(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(Customizer.withDefaults())
                // Basic-auth API calls carry no session cookie to forge; Hawtio's Jolokia POSTs would fail a CSRF check.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"));
        return http.build();
    }

    @Bean
    UserDetailsService operators(SecurityProperties security) {
        SecurityProperties.User operator = security.getUser();
        String password = operator.getPassword();
        if (operator.isPasswordGenerated() || !StringUtils.hasText(password)) {
            password = generatedPassword();
            log.warn("No spring.security.user.password set: operator login for this run is {} / {}",
                    operator.getName(), password);
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(operator.getName())
                .password(encoder.encode(password))
                .roles("OPERATOR", "VIEWER")
                .build());
    }

    private static String generatedPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
