package io.fieldsync.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.fieldsync.config.DatabaseUnreachableException;
import io.fieldsync.config.FieldSyncProperties;
import io.fieldsync.config.LiveSettings;
import io.fieldsync.config.SourceDatabaseMissingException;
import io.fieldsync.config.StateStoreMissingException;
import io.fieldsync.mapping.MappingException;
import io.fieldsync.xero.XeroSettingException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Turns the start-up failures an operator can cause by configuration (no field-service database
 * outside the demo, a database that cannot be reached, a broken or missing route file, an invalid mapping template) into one line saying what
 * to fix, instead of a wall of stack trace. Registered in META-INF/spring.factories.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    public StartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof DatabaseUnreachableException database) {
                return analysis(database.getMessage(), "Fix " + database.setting()
                        + " (and its username/password), or start the database.", failure);
            }
            if (cause instanceof SourceDatabaseMissingException missing) {
                return analysis(missing.getMessage(), "Set fieldsync.source.url, or run the demo with mvn spring-boot:run.", failure);
            }
            if (cause instanceof StateStoreMissingException missing) {
                return analysis(missing.getMessage(), "Set spring.datasource.url and its username/password.", failure);
            }
            if (cause instanceof MappingException mapping) {
                return analysis("Mapping template " + mapping.getMessage(),
                        "Fix the template, or point fieldsync.mappings-location at the right folder.", failure);
            }
            if (cause instanceof XeroSettingException xero) {
                return analysis(xero.getMessage(), "Set the Xero setting named above and start again.", failure);
            }
            if (cause instanceof RouteFileException routes) {
                return analysis("Routes: " + routes.getMessage(),
                        "Restore the route file, or point fieldsync.routes-location at the right folder.", failure);
            }
        }
        String routeProblem = CamelRouteProblem.describe(chain(failure), this::fileDefiningRoute);
        if (routeProblem != null) {
            return analysis("Route file " + routeProblem,
                    "Fix the route file, or point fieldsync.routes-location at the right folder.", failure);
        }
        return null;
    }

    private static FailureAnalysis analysis(String description, String action, Throwable failure) {
        // The description is what the operator reads first: keep it to one line.
        return new FailureAnalysis("FieldSync cannot start: " + description.replaceAll("\\s*\\R\\s*", " "), action, failure);
    }

    /** The route file whose text declares this route id, for Camel errors that name only the route. */
    private String fileDefiningRoute(String routeId) {
        String location = LiveSettings.bind(environment, FieldSyncProperties.class).routesLocation();
        location = location == null ? "classpath:routes" : location;
        Pattern declaration = Pattern.compile("(?m)^\\s*-?\\s*(id|routeId):\\s*[\"']?" + Pattern.quote(routeId) + "[\"']?\\s*$");
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(location + "/*.camel.yaml")) {
                String text = file.getContentAsString(StandardCharsets.UTF_8);
                if (declaration.matcher(text).find()) {
                    return location + "/" + file.getFilename();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static List<Throwable> chain(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = failure; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
