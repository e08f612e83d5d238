package io.fieldsync.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings directly under {@code fieldsync.}: where routes and mappings are read from, and
 * this node's name. Defaults: application.yml.
 *
 * @param routesLocation   where the Camel YAML routes are read from (classpath:routes, the
 *                         jar's own copies, or file:... for an edited folder)
 * @param mappingsLocation where the JSONata mappings are read from (classpath:mappings or
 *                         file:...)
 * @param nodeId           this node's name in the run history; it survives a restart, so a restarted
 *                         node ends its dead process's runs at once; empty: the host name (several
 *                         instances on one host need one each)
 */
@Validated
@ConfigurationProperties("fieldsync")
public record FieldSyncProperties(@NotBlank String routesLocation, @NotBlank String mappingsLocation, String nodeId) {
}
