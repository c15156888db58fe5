package io.campuscrm.support;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Gives each test the security context holder strategy of its own application. Every application start installs
 * its own (Vaadin-aware) strategy in the static {@link SecurityContextHolder}, and each application's method
 * security keeps reading the one it started with; a test class with a context of its own (mail on, say) or a test
 * that starts applications itself (two nodes, a restart) would otherwise leave every later test's user invisible to
 * the shared application. Registered for every test in {@code META-INF/spring.factories}; it runs after the context
 * is loaded and before {@code @WithUserDetails} puts the test's user in place.
 */
public class SecurityStrategyPerContext extends AbstractTestExecutionListener {

    private static final Map<ApplicationContext, SecurityContextHolderStrategy> STRATEGIES =
            Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public int getOrder() {
        return 5000; // after dependency injection (2000) loads the context, before security's (10000)
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        useStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useStrategyOf(testContext);
    }

    private static void useStrategyOf(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        // the strategy in place when this context was first seen, just after it started, is its own
        var strategy = STRATEGIES.computeIfAbsent(testContext.getApplicationContext(),
                c -> SecurityContextHolder.getContextHolderStrategy());
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }
}
