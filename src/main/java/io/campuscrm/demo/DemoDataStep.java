package io.campuscrm.demo;

import java.util.random.RandomGenerator;

/** One module's part of the demo data; steps run in {@link #order()} inside the system's authentication. */
public interface DemoDataStep {

    int order();

    void generate(DemoScale scale, DemoContext context, RandomGenerator random);
}
