package io.fieldsync.settings;

/** A settings change refused, naming the setting (as in the API's tree, e.g. {@code invoices.status}). */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
