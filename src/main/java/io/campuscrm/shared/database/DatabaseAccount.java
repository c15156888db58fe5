package io.campuscrm.shared.database;

/**
 * A login of the embedded database on 127.0.0.1.
 *
 * @param user     the MariaDB user name (its host is always {@code 127.0.0.1})
 * @param password its generated password
 */
public record DatabaseAccount(String user, String password) {

    /** Never the password: accounts end up in log lines and assertion messages. */
    @Override
    public String toString() {
        return "'" + user + "'@'127.0.0.1'";
    }
}
