package io.campuscrm.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode ({@code campuscrm.demo.enabled=true}, the {@code demo} profile) fills an empty database. Benchmarks
 * keep demo mode (no initial administrator) but generate at their own scale, timed:
 * {@code campuscrm.demo.generate-on-start=false}.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "campuscrm.demo.enabled", havingValue = "true")
class DemoMode implements ApplicationRunner {

    private final DemoDataGenerator generator;
    private final boolean generateOnStart;

    DemoMode(DemoDataGenerator generator,
            @Value("${campuscrm.demo.generate-on-start:true}") boolean generateOnStart) {
        this.generator = generator;
        this.generateOnStart = generateOnStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (generateOnStart) {
            generator.generateIfEmpty(DemoScale.DEMO);
        }
    }
}
