package io.fieldsync.push;

import io.fieldsync.state.KeysetPosition;

/**
 * A keyset page that did not move the position forward: reading on would read the same rows again
 * and never end, so the run stops here, naming the entity and the key.
 */
public class KeysetStuckException extends IllegalStateException {

    public KeysetStuckException(String entity, KeysetPosition from, KeysetPosition pageEnd) {
        super("The " + entity + " push cannot move past " + from + ": the page read after it ends at " + pageEnd
                + ". The page query must return rows strictly after (updated_at, id), ordered by updated_at, id,"
                + " and compare updated_at at the column's full precision");
    }
}
