package io.fieldsync.push;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One field-service entity the push sends to Xero, with the rules that are its own: how a page of
 * its rows becomes the documents its mapping takes, which records are not sent and why, and what
 * happens to a change of one Xero already has. Each entity is one bean in {@code io.fieldsync.entities};
 * its route file names it by {@link #name()} (the template's {@code entity} parameter) and the shared
 * push asks it through {@link PushedEntities}, so the planner, the template and the outcome writer
 * know no entity by name.
 */
public interface PushedEntity {

    /** FieldSync's name for it: the route's {@code entity}, the state store's {@code entity} column. */
    String name();

    /**
     * The page's rows as documents, with what only the state store knows (links, holds). Entities
     * whose documents need a second query (invoice lines) are prepared by a route of their own,
     * which calls the entity's own method; they keep this default.
     */
    default List<Map<String, Object>> documents(List<Map<String, Object>> rows) {
        throw new IllegalStateException("The " + name() + " push prepares its rows in a route of its own: its route"
                + " file sets the template's prepare parameter");
    }

    /**
     * The page's rows with their lines (read by the entity's prepare route, each line naming its
     * row by the route's foreign key) as documents; for entities whose documents carry lines.
     */
    default List<Map<String, Object>> documents(List<Map<String, Object>> rows, List<Map<String, Object>> lines) {
        throw new IllegalStateException("The " + name() + " push has no lines: its route file keeps the template's"
                + " default prepare");
    }

    /** Why a prepared document is not sent (before it is mapped), or empty: it goes on to its mapping. */
    default Optional<PushSkip> skip(Map<String, Object> document) {
        return Optional.empty();
    }

    /**
     * Why a changed version of a record Xero already has ({@code xero_id} set) is not sent, or
     * empty: it goes as an update. Asked once the version is known to differ from the one Xero has.
     */
    default Optional<PushSkip> skipChange(Map<String, Object> document) {
        return Optional.empty();
    }
}
