package io.fieldsync.mapping;

/** A mapping template that cannot be read, compiled or applied; names the file. */
public class MappingException extends RuntimeException {

    private final String file;
    private final String problem;

    public MappingException(String file, String problem, Throwable cause) {
        super(file + " " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** What went wrong, without the template's path: the words a record's status shows. */
    public String problem() {
        return problem;
    }

    public String file() {
        return file;
    }
}
