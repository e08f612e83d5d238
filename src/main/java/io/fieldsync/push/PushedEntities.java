package io.fieldsync.push;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every {@link PushedEntity} bean by its name: how the shared push reaches an entity's own rules. */
@Component("pushedEntities")
public class PushedEntities {

    private final Map<String, PushedEntity> byName;

    public PushedEntities(List<PushedEntity> entities) {
        this.byName = entities.stream().collect(Collectors.toUnmodifiableMap(PushedEntity::name, Function.identity()));
    }

    public PushedEntity named(String entity) {
        PushedEntity pushed = byName.get(entity);
        if (pushed == null) {
            throw new IllegalStateException("No PushedEntity bean is named " + entity + "; the pushed entities are "
                    + byName.keySet().stream().sorted().toList());
        }
        return pushed;
    }

    /** The template's default preparation: the entity's own documents of a page. */
    public List<Map<String, Object>> documents(String entity, List<Map<String, Object>> rows) {
        return named(entity).documents(rows);
    }

    /** An entity's prepare route, once it read the page's lines: the entity's documents with them. */
    public List<Map<String, Object>> documents(String entity, List<Map<String, Object>> rows,
                                               List<Map<String, Object>> lines) {
        return named(entity).documents(rows, lines);
    }
}
