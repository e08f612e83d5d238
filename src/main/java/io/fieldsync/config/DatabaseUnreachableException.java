package io.fieldsync.config;

/** A configured database could not be reached at start-up; names the setting to fix. */
public class DatabaseUnreachableException extends RuntimeException {

    private final String setting;

    public DatabaseUnreachableException(String setting, String url, Throwable cause) {
        super(setting + "=" + JdbcUrls.withoutSecrets(url) + " cannot be used: " + rootMessage(cause), cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
