package io.fieldsync.settings;

/** A settings change refused, naming the setting (as in the API's tree, e.g. {@code invoices.status}). */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    private InvalidSettingException(String setting, String message, Void whole) {
        super(message);
        this.setting = setting;
    }

    /** Refused with a message that names the setting itself, in the words the start-up check uses too. */
    public static InvalidSettingException worded(String setting, String message) {
        return new InvalidSettingException(setting, message, null);
    }

    public String setting() {
        return setting;
    }
}
