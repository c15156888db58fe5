package io.campuscrm.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real embedded MariaDB with the demo data, served on a random port. Every
 * integration test uses exactly this, so they all share one Spring context and one database, on the fixed
 * {@link TestClock}; its data source counts statements for {@link JdbcStatementCounter}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, JdbcStatementCounter.Registration.class})
public @interface CampusIntegrationTest {
}
