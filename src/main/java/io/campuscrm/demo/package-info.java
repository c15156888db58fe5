/**
 * Demo data: a realistic institution built through the modules' own services, in steps that later modules
 * extend. Demo mode runs it once on an empty database; benchmarks run it at larger scales.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"shared", "security", "institution", "students",
        "scheduling", "platform", "attendance", "admissions"})
@NullMarked
package io.campuscrm.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
