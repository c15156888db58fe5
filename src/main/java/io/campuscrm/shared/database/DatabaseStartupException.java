package io.campuscrm.shared.database;

/**
 * The embedded database could not start; the message says why and {@link #setting()} names what to change.
 */
public class DatabaseStartupException extends RuntimeException {

    private final String setting;

    public DatabaseStartupException(String message, String setting, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    public DatabaseStartupException(String message, String setting) {
        super(message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
