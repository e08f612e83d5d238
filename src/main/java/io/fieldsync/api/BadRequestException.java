package io.fieldsync.api;

/** A request the API refuses, naming the field at fault. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String message, String field) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
