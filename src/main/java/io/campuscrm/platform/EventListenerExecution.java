package io.campuscrm.platform;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.campuscrm.shared.security.SystemAuthentication;

/**
 * Where {@code @ApplicationModuleListener}s run (decision 0060): after the publishing transaction commits, on a small
 * pool of their own, as the system. A listener is the system's reaction to a fact another module made true, not the
 * act of the user who happened to cause it (that user may not even hold the listener module's role); the event
 * names whoever matters. The pool is not a bean on purpose: Vaadin and Spring MVC keep Boot's
 * {@code applicationTaskExecutor}, whose tasks must never run as the system.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventListenerExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventListenerExecution() {
        executor.setThreadNamePrefix("event-listener-");
        executor.setCorePoolSize(2);
        executor.setTaskDecorator(task -> () -> SystemAuthentication.run(task));
        // A listener cut off by a shutdown leaves its publication incomplete: it is resubmitted on the next start.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
