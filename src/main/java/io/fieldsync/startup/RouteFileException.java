package io.fieldsync.startup;

/** The route files do not fit together (a missing file, a dangling direct: endpoint). */
public class RouteFileException extends RuntimeException {
    public RouteFileException(String message) {
        super(message);
    }
}
