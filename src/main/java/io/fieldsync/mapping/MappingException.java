package io.fieldsync.mapping;

/** A mapping template that cannot be read, compiled or applied; names the file. */
public class MappingException extends RuntimeException {

    private final String file;

    public MappingException(String file, String problem, Throwable cause) {
        super(file + " " + problem, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
