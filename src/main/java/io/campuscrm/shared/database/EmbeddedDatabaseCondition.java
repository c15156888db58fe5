package io.campuscrm.shared.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded server runs when {@code campuscrm.database.embedded} is true, or, when that is not set, when no
 * external {@code spring.datasource.url} is configured.
 */
class EmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        String explicit = env.getProperty("campuscrm.database.embedded");
        if (StringUtils.hasText(explicit)) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }
}
