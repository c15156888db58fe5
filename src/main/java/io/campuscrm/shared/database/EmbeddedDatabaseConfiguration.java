package io.campuscrm.shared.database;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts the embedded MariaDB and builds the connection pool on it, as the runtime account; Flyway migrates as the
 * owner account. The pool depends on the server, so Flyway, JPA and Batch wait for the server, and the pool closes
 * before the server stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(@Value("${campuscrm.data-dir:./data}") Path dataDir,
            EmbeddedDatabaseProperties properties) {
        var db = new EmbeddedMariaDb(dataDir, properties);
        db.start();
        return db;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        var runtime = db.runtimeAccount();
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(db.jdbcUrl())
                .username(runtime.user())
                .password(runtime.password())
                .build();
    }

    /** Replaces Boot's spring.flyway.url/user/password: Flyway opens its own connections, as the owner. */
    @Bean
    FlywayConnectionDetails embeddedFlywayConnectionDetails(EmbeddedMariaDb db) {
        var owner = db.ownerAccount();
        return new FlywayConnectionDetails() {

            @Override
            public String getJdbcUrl() {
                return db.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return owner.user();
            }

            @Override
            public String getPassword() {
                return owner.password();
            }

            @Override
            public String getDriverClassName() {
                return "org.mariadb.jdbc.Driver";
            }
        };
    }
}
