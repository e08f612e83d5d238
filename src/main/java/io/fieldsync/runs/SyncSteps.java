package io.fieldsync.runs;

import java.util.Arrays;
import java.util.Set;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.settings.EntityProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which steps a run takes: an entity is pushed when its direction
 * ({@code fieldsync.entities.<entity>.direction}) is push or both, and, in a run started for some
 * entities only, when it is one of them. Read at each run, so the settings API switches a flow
 * on or off without a restart.
 */
@Component("syncSteps")
public class SyncSteps {

    private static final Set<String> PUSHING = Set.of("push", "both");
    private static final Set<String> PULLING = Set.of("pull", "both");

    private final Environment environment;

    public SyncSteps(Environment environment) {
        this.environment = environment;
    }

    /** {@code requested}: the run's entities, comma-separated; empty or null for a full sync. */
    public boolean pushes(String entity, String requested) {
        return asked(entity, requested) && PUSHING.contains(direction(entity));
    }

    /** Whether the entity is read from Xero (direction pull or both); a run for some entities only pulls those. */
    public boolean pulls(String entity, String requested) {
        return asked(entity, requested) && PULLING.contains(direction(entity));
    }

    public boolean pulls(String entity) {
        return pulls(entity, null);
    }

    public String direction(String entity) {
        return LiveSettings.bind(environment, EntityProperties.class).direction(entity);
    }

    private static boolean asked(String entity, String requested) {
        return requested == null || requested.isBlank()
                || Arrays.stream(requested.split(",")).map(String::trim).anyMatch(entity::equals);
    }
}
