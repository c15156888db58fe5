package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void module_documentation_is_written_and_names_every_module() throws IOException {
        var output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String overview = Files.readString(output.resolve("components.puml"));
        assertThat(modules.stream().map(m -> m.getDisplayName())).isNotEmpty()
                .allSatisfy(name -> assertThat(overview).contains(name));
        assertThat(Files.list(output).filter(f -> f.getFileName().toString().startsWith("module-")).count())
                .isEqualTo(modules.stream().count());
    }
}
