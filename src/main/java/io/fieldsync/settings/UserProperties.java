package io.fieldsync.settings;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.security.*}: logins beyond spring.security.user (the operator). Defaults:
 * application.yml (none).
 *
 * @param users more people: each a name, a password and a role (operator or viewer)
 */
@Validated
@ConfigurationProperties("fieldsync.security")
public record UserProperties(List<User> users) {

    /**
     * @param name     the login
     * @param password its password; a secret: set it in the environment
     * @param role     operator or viewer
     */
    public record User(String name, String password, String role) {
        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + "]";
        }
    }
}
