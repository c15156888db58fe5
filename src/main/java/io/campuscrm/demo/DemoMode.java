package io.campuscrm.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In demo mode ({@code campuscrm.demo.enabled=true}, the {@code demo} profile) fills an empty database. */
@Component
@Order(5)
@ConditionalOnProperty(name = "campuscrm.demo.enabled", havingValue = "true")
class DemoMode implements ApplicationRunner {

    private final DemoDataGenerator generator;

    DemoMode(DemoDataGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        generator.generateIfEmpty(DemoScale.DEMO);
    }
}
