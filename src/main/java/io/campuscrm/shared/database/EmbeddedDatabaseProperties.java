package io.campuscrm.shared.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded database. Its files live in {@code <campuscrm.data-dir>/mariadb}.
 *
 * @param port         port on 127.0.0.1; 0 picks a free one at every start
 * @param schema       the schema Campus CRM uses
 * @param startTimeout how long to wait for the server to accept connections
 */
@ConfigurationProperties("campuscrm.database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("0") int port,
        @DefaultValue("campuscrm") String schema,
        @DefaultValue("60s") Duration startTimeout) {
}
