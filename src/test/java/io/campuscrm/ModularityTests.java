package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/** The module graph of the README's architecture map holds: a forbidden dependency or a cycle fails the build. */
class ModularityTests {

    private static final Path DOCS = Path.of("target", "spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(CampusCrmApplication.class);

    @Test
    void modules_only_depend_on_what_the_architecture_allows() {
        modules.verify();
    }

    /** The diagrams of the module graph: one of all modules with their dependencies, and one per module. */
    @Test
    void module_documentation_is_written_for_every_module() throws IOException {
        // an earlier build's diagrams must not pass for this one's
        FileSystemUtils.deleteRecursively(DOCS);

        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        assertThat(modules.stream()).as("modules found").hasSizeGreaterThanOrEqualTo(7);
        String all = Files.readString(DOCS.resolve("components.puml"));
        assertThat(all).startsWith("@startuml").contains("Rel(");
        for (ApplicationModule module : modules) {
            assertThat(all).as("overview").contains("\"" + module.getDisplayName() + "\"");
            Path own = DOCS.resolve("module-" + module.getIdentifier() + ".puml");
            assertThat(own).as("diagram of " + module.getDisplayName()).exists();
            assertThat(Files.readString(own)).startsWith("@startuml").contains(module.getDisplayName());
        }
    }
}
