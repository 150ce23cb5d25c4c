package dev.cohort.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BodyReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Shown(UUID id, String name, long createdAt) {
    }

    @Body(echoes = Shown.class)
    record Create(@NotBlank @Size(max = 5) String name, @Min(1) @Max(10) Integer size,
                  @Schema(allowableValues = {"a", "b"}) String kind, List<UUID> ids, Inner inner) {
    }

    record Inner(Boolean flag) {
    }

    @Body(partial = true)
    record Update(String name, Optional<String> description) {
    }

    @Body
    record Picks(@Size(min = 1, max = 2) @ArraySchema(schema = @Schema(allowableValues = {"x", "y"}))
                 List<String> picks) {
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static List<FieldProblem> problems(String text, Class<?> type) {
        try {
            BodyReader.read(json(text), type);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("no problem");
    }

    @Test
    void reads_every_component_by_its_type() {
        Create body = BodyReader.read(json("{\"name\": \" ab \", \"size\": 3, \"kind\": \"a\", "
                + "\"ids\": [\"0190c5a0-0000-7000-8000-000000000001\"], \"inner\": {\"flag\": true}}"), Create.class);

        assertThat(body).isEqualTo(new Create("ab", 3, "a",
                List.of(UUID.fromString("0190c5a0-0000-7000-8000-000000000001")), new Inner(true)));
    }

    @Test
    void reports_every_problem_with_its_path_at_once() {
        assertThat(problems("{\"size\": 11, \"kind\": \"c\", \"ids\": [\"x\"], \"inner\": {\"flag\": 1}}",
                Create.class)).extracting(FieldProblem::field)
                .containsExactly("name", "size", "kind", "ids[0]", "inner.flag");
    }

    @Test
    void an_unknown_field_is_named_with_the_closest_known_one() {
        assertThat(problems("{\"nmae\": \"x\"}", Create.class))
                .contains(new FieldProblem("nmae", "unknown field; did you mean \"name\"?"));
        assertThat(problems("{\"name\": \"x\", \"zzzzzz\": 1}", Create.class).get(0).message())
                .startsWith("unknown field; known fields: [name, size, kind, ids, inner]");
    }

    @Test
    void the_read_only_fields_of_the_echoed_object_are_ignored() {
        Create body = BodyReader.read(json("{\"name\": \"x\", \"id\": \"whatever\", \"createdAt\": 1}"),
                Create.class);

        assertThat(body.name()).isEqualTo("x");
    }

    @Test
    void a_partial_body_tells_absent_from_null() {
        Update absent = BodyReader.read(json("{}"), Update.class);
        Update cleared = BodyReader.read(json("{\"description\": null}"), Update.class);

        assertThat(absent.description()).isNull();
        assertThat(cleared.description()).isEmpty();
        assertThat(problems("{\"name\": null}", Update.class))
                .containsExactly(new FieldProblem("name", "must not be null"));
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        assertThatThrownBy(() -> BodyReader.read(json("[1]"), Create.class))
                .isInstanceOf(InvalidInputException.class).hasMessage("body: must be a JSON object");
    }

    @Test
    void a_list_keeps_its_length_and_its_items_their_allowed_values() {
        assertThat(BodyReader.read(json("{\"picks\": [\"x\", \"y\"]}"), Picks.class).picks()).containsExactly("x", "y");
        assertThat(problems("{\"picks\": []}", Picks.class))
                .containsExactly(new FieldProblem("picks", "must not be empty"));
        assertThat(problems("{\"picks\": [\"x\", \"y\", \"x\"]}", Picks.class))
                .containsExactly(new FieldProblem("picks", "must have at most 2 items"));
        assertThat(problems("{\"picks\": [\"x\", \"z\"]}", Picks.class))
                .containsExactly(new FieldProblem("picks[1]", "must be one of [x, y]"));
    }

    @Test
    void a_read_body_turns_back_into_the_fields_that_were_sent() {
        String sent = "{\"name\": \"ab\", \"ids\": [\"0190c5a0-0000-7000-8000-000000000001\"], "
                + "\"inner\": {\"flag\": false}}";

        JsonNode tree = BodyReader.tree(BodyReader.read(json(sent), Create.class));

        assertThat(tree).isEqualTo(json(sent));
        assertThat(BodyReader.tree(BodyReader.read(json("{\"size\": 3, \"name\": \"x\"}"), Create.class)))
                .isEqualTo(json("{\"name\": \"x\", \"size\": 3}"));
    }

    @Test
    void in_the_tree_absent_is_left_out_and_an_empty_optional_is_null() {
        assertThat(BodyReader.tree(BodyReader.read(json("{}"), Update.class))).isEqualTo(json("{}"));
        assertThat(BodyReader.tree(BodyReader.read(json("{\"description\": null}"), Update.class)))
                .isEqualTo(json("{\"description\": null}"));
        assertThat(BodyReader.tree(BodyReader.read(json("{\"description\": \"d\", \"name\": \"n\"}"),
                Update.class))).isEqualTo(json("{\"name\": \"n\", \"description\": \"d\"}"));
        assertThatThrownBy(() -> BodyReader.tree("not a record")).isInstanceOf(IllegalArgumentException.class);
    }
}
