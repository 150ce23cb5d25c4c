package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The values the resource bodies and objects document are the ones the code checks and filters with. */
class ResourceBodiesTest {

    /** A component's {@code @Schema}: Java puts it on the accessor (it does not target record components). */
    private static Schema schema(RecordComponent component) {
        return component.getAccessor().getAnnotation(Schema.class);
    }

    /** Each record's components that document allowed values, checked against {@code expected} by name. */
    private static int check(Map<String, List<String>> expected, Class<?>... records) {
        int checked = 0;
        for (Class<?> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                Schema schema = schema(component);
                if (schema == null || schema.allowableValues().length == 0) {
                    continue;
                }
                assertThat(expected).as(record.getSimpleName() + "." + component.getName())
                        .containsKey(component.getName());
                assertThat(List.of(schema.allowableValues())).as(record.getSimpleName() + "." + component.getName())
                        .isEqualTo(expected.get(component.getName()));
                checked++;
            }
        }
        return checked;
    }

    @Test
    void a_lives_bodies_and_object_document_the_values_it_takes() {
        Map<String, List<String>> expected = Map.of("solution", LiveFields.SOLUTIONS,
                "builtInType", LiveFields.BUILT_IN_TYPES, "chatVisibility", LiveFields.DISPLAY,
                "participantsVisibility", LiveFields.DISPLAY, "visibility", LiveFields.VISIBILITIES,
                "participation", LiveFields.PARTICIPATIONS, "status", LiveFields.STATUSES,
                "computedStatus", LiveFields.STATUSES);

        assertThat(check(expected, LiveController.CreateLive.class, LiveController.UpdateLive.class,
                LiveFields.LiveView.class, LiveFields.Privacy.class, LiveFields.Config.class)).isEqualTo(20);
    }

    @Test
    void the_other_resources_bodies_and_objects_document_the_values_they_take() {
        assertThat(check(Map.of("privacy", ChannelFields.PRIVACIES), ChannelController.CreateChannel.class,
                ChannelController.UpdateChannel.class, ChannelFields.ChannelView.class)).isEqualTo(3);
        assertThat(check(Map.of("privacy", CourseFields.PRIVACIES, "status", CourseFields.STATUSES,
                        "navigationMode", CourseFields.NAVIGATION_MODES), CourseController.CreateCourse.class,
                CourseController.UpdateCourse.class, CourseFields.CourseView.class)).isEqualTo(9);
        assertThat(check(Map.of("privacy", ForumFields.PRIVACIES), ForumController.CreateForum.class,
                ForumController.UpdateForum.class, ForumFields.ForumView.class)).isEqualTo(3);
        assertThat(check(Map.of("privacy", CollectionFields.PRIVACIES), CollectionController.CreateCollection.class,
                CollectionController.UpdateCollection.class, CollectionFields.CollectionView.class)).isEqualTo(3);
    }

    @Test
    void the_defaults_a_new_resource_takes_are_the_ones_its_body_documents() {
        for (ResourceFields<?> fields : List.<ResourceFields<?>>of(new ChannelFields(), new CourseFields(), new ForumFields(),
                new CollectionFields(), new LiveFields(null, null))) {
            Class<?> body = switch (fields.type()) {
                case LIVE -> LiveController.CreateLive.class;
                case CHANNEL -> ChannelController.CreateChannel.class;
                case COURSE -> CourseController.CreateCourse.class;
                case FORUM -> ForumController.CreateForum.class;
                case COLLECTION -> CollectionController.CreateCollection.class;
            };
            for (RecordComponent component : body.getRecordComponents()) {
                Schema schema = schema(component);
                String documented = schema == null || schema.defaultValue().isEmpty() ? null : schema.defaultValue();
                JsonNode kept = fields.defaults().get(component.getName());
                String actual = kept == null || kept.isNull() ? null : kept.asString();
                assertThat(actual).as(body.getSimpleName() + "." + component.getName()).isEqualTo(documented);
            }
        }
    }
}
