package io.campuscrm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module graph of ARCHITECTURE.md holds: a forbidden dependency or a cycle fails the build. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CampusCrmApplication.class);

    @Test
    void modules_only_depend_on_what_the_architecture_allows() {
        modules.verify();
    }

    @Test
    void module_documentation_is_written() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
