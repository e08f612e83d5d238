package io.fieldsync.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.fieldsync.settings.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Everything but {@code /actuator/health}, Xero's OAuth2 callback and Xero's webhooks needs a login. Two roles: a viewer reads (GETs of the
 * operator API, metrics); an operator also triggers syncs, re-syncs records, edits settings and
 * uses Hawtio (whose JMX operations can start a sync). HTTP Basic, so the API works from curl
 * and scripts and a browser asks for it on Hawtio; the console at {@code /} logs in with a form
 * and keeps a session ({@link ConsolePages}). The operator is {@code spring.security.user};
 * more people are {@code fieldsync.security.users[n].name/.password/.role} (operator or viewer).
 * A request that changes something also needs {@link CrossSiteRequests}' header or CSRF token.
 * Viewers have no Hawtio and no Jolokia: Jolokia's own policy (jolokia-access.xml) cannot tell
 * people apart.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain operatorLogin(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, ConsolePages.OPEN).permitAll()
                        // Xero's browser redirect carries no login (its single-use state protects it); Xero signs its webhooks
                        .requestMatchers(HttpMethod.GET, "/api/xero/callback").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/xero/webhooks").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/xero/connect").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("VIEWER", "OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole("VIEWER", "OPERATOR")
                        .requestMatchers(HttpMethod.GET, ConsolePages.PAGES).hasAnyRole("VIEWER", "OPERATOR")
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(Customizer.withDefaults())
                // the console: a login form and a session (the API and Hawtio keep HTTP Basic), see ConsolePages
                .formLogin(form -> form.loginPage(ConsolePages.LOGIN_PAGE).loginProcessingUrl(ConsolePages.LOGIN)
                        .successHandler(ConsolePages.loggedIn()).failureHandler(ConsolePages.loginRefused()))
                .logout(logout -> logout.logoutUrl(ConsolePages.LOGOUT)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                // the browser resends Basic credentials and the session cookie to any page's requests: see CrossSiteRequests
                .csrf(csrf -> csrf
                        .requireCsrfProtectionMatcher(CrossSiteRequests.needingCsrfToken(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/xero/webhooks")))
                        // Hawtio reads the token from this cookie and sends it back as X-XSRF-TOKEN, as it is
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CrossSiteRequests.TokenCookie(), CsrfFilter.class)
                .exceptionHandling(refusals -> refusals
                        // the first that matches answers a request without a login
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), ConsolePages.consoleCalls())
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(ConsolePages.LOGIN_PAGE), ConsolePages.pages())
                        .defaultAuthenticationEntryPointFor(basicChallenge(), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(CrossSiteRequests.refusal()));
        return http.build();
    }

    /** What curl, scripts and Hawtio's browser dialog expect of a request without a login. */
    private static BasicAuthenticationEntryPoint basicChallenge() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("FieldSync");
        return challenge;
    }

    /**
     * BCrypt for the stored passwords, but not on every request: a script or a console polling
     * the API would otherwise spend a BCrypt hash per call ({@link RememberedLogins}).
     */
    @Bean
    PasswordEncoder loginPasswords() {
        return new RememberedLogins(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(10),
                Clock.systemUTC());
    }

    @Bean
    UserDetailsService operators(SecurityProperties security, UserProperties more, PasswordEncoder encoder) {
        SecurityProperties.User operator = security.getUser();
        String password = operator.getPassword();
        if (operator.isPasswordGenerated() || !StringUtils.hasText(password)) {
            password = generatedPassword();
            log.warn("No spring.security.user.password set: operator login for this run is {} / {}",
                    operator.getName(), password);
        }
        List<UserDetails> users = new ArrayList<>();
        users.add(User.withUsername(operator.getName()).password(encoder.encode(password)).roles("OPERATOR", "VIEWER").build());
        for (UserProperties.User account : more.users() == null ? List.<UserProperties.User>of() : more.users()) {
            if (!StringUtils.hasText(account.name()) || !StringUtils.hasText(account.password())) {
                throw new IllegalStateException("fieldsync.security.users: every user needs a name and a password");
            }
            String role = account.role() == null ? "viewer" : account.role().trim().toLowerCase(Locale.ROOT);
            if (!role.equals("viewer") && !role.equals("operator")) {
                throw new IllegalStateException("fieldsync.security.users: role of " + account.name()
                        + " must be operator or viewer, not " + account.role());
            }
            users.add(User.withUsername(account.name()).password(encoder.encode(account.password()))
                    .roles(role.equals("operator") ? new String[] {"OPERATOR", "VIEWER"} : new String[] {"VIEWER"}).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static String generatedPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
