package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * {@code compose.yaml} is checked here because no Docker engine runs where the build does, so
 * {@code docker compose config} cannot check it.
 * <p>
 * The schema is the Compose Specification's own (draft-07), {@code src/test/resources/compose-spec.json}: a copy of
 * {@code ../shared/schemas/compose-spec.json} (compose-spec/compose-spec, {@code schema/compose-spec.json} at commit
 * 170098ba07d9), kept in the repository so that this test does not depend on a folder beside it. Refresh the copy
 * from there when Compose gains something we want to use.
 * <p>
 * Jackson 2 ({@code com.fasterxml}) on purpose: the validator works on its {@code JsonNode}; Boot's own Jackson 3
 * ({@code tools.jackson}) is a different library.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("compose.yaml");
    /** How the schema names draft-07; the validator knows it only as {@code http://json-schema.org/draft-07/schema#}. */
    private static final String DRAFT_07_AS_THE_SCHEMA_NAMES_IT = "https://json-schema.org/draft-07/schema";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void compose_file_is_valid_against_the_compose_specification() throws IOException {
        JsonSchema schema = composeSpecification();

        Set<ValidationMessage> errors = schema.validate(compose());

        assertThat(errors).isEmpty();
    }

    @Test
    void the_app_waits_for_a_healthy_database_connects_to_it_and_reports_its_own_health() throws IOException {
        JsonNode services = compose().path("services");
        JsonNode app = services.path("app");
        Map<String, String> db = environment(services.path("db"));
        Map<String, String> env = environment(app);

        assertThat(app.path("depends_on").path("db").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(services.path("db").path("healthcheck").path("test").toString())
                .contains("healthcheck.sh", "--connect", "--innodb_initialized");

        assertThat(env).containsEntry("SPRING_DATASOURCE_URL",
                "jdbc:mariadb://db:3306/" + db.get("MARIADB_DATABASE"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(db.get("MARIADB_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(db.get("MARIADB_PASSWORD"));
        assertThat(env).containsKey("CAMPUSCRM_ADMIN_PASSWORD").containsEntry("CAMPUSCRM_DATA_DIR", "/data");

        assertThat(app.path("healthcheck").path("test").toString()).contains("http://localhost:8080/actuator/health");
        assertThat(app.path("ports").toString()).contains("8080:8080");
        assertThat(app.path("volumes").toString()).contains(":/data");
    }

    private JsonNode compose() throws IOException {
        return yaml.readTree(COMPOSE_FILE.toFile());
    }

    private static JsonSchema composeSpecification() {
        // Registered under the schema's spelling, so the validator never tries to download the meta-schema.
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder.metaSchema(
                JsonMetaSchema.builder(DRAFT_07_AS_THE_SCHEMA_NAMES_IT, JsonMetaSchema.getV7())
                        // The Compose schema marks old fields "deprecated" (a later draft's keyword): a note, no rule.
                        .keyword(new AnnotationKeyword("deprecated"))
                        .build()));
        // Loaded by location: the schema's relative $id needs a base to resolve against.
        return factory.getSchema(SchemaLocation.of("classpath:compose-spec.json"));
    }

    /** A service's environment, written either as a map or as a list of {@code NAME=value}. */
    private static Map<String, String> environment(JsonNode service) {
        var result = new LinkedHashMap<String, String>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            environment.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue().asText()));
        }
        return result;
    }
}
