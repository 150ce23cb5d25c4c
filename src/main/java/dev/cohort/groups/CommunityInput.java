package dev.cohort.groups;

import dev.cohort.web.Body;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The community part of a group body (create or update), each field {@code null} when not given; its rules are
 * checked by {@link GroupCommunities#check}. A cleared list is empty, a cleared branding or theme has no field set.
 */
public record CommunityInput(@Nullable String slug, @Nullable String joinPolicy,
                             @Nullable List<MembershipQuestionInput> membershipQuestions,
                             @Nullable GroupBrandingInput branding, @Nullable GroupThemeInput theme,
                             @Nullable String access, @Nullable List<PromoLink> promoLinks,
                             @Nullable Boolean reportsEnabled) {
    public static final CommunityInput EMPTY = new CommunityInput(null, null, null, null, null, null, null, null);

    public static final String JOIN_POLICY = "Cohort, community groups: approval (default: a join request an admin or "
            + "moderator approves) or open (members join at once)";
    public static final String QUESTIONS = "Cohort, community groups: up to 10 questions a join request answers; ids "
            + "are kept when given and generated otherwise";
    public static final String ACCESS = "Cohort, community groups: free (default) or subscription (members with an "
            + "active subscription only)";
    public static final String PROMO_LINKS = "Cohort, community groups: up to 20 links (https) shown to all members";
    public static final String REPORTS = "Cohort, community groups: whether members may report content (default true)";

    /** A membership question as a body gives it: its id is kept when given, generated when absent. */
    @Body
    public record MembershipQuestionInput(
            @Size(max = 64) @Schema(description = "1 to 64 letters, digits, '-' or '_'; absent: generated",
                    example = "role") String id,
            @NotBlank @Size(max = 500) @Schema(example = "What is your role?") String question,
            @NotNull @Schema(description = "Whether a join request must answer it") Boolean required) {
    }

    /** A branding as a body gives it: the whole branding, absent fields not set. */
    @Body
    public record GroupBrandingInput(
            @Schema(description = "#RRGGBB", example = "#3355FF") String primaryColor,
            @Size(max = 2000) @Schema(format = "uri", description = "An https URL") String logoUrl,
            @Size(max = 2000) @Schema(format = "uri", description = "An https URL") String coverUrl,
            @Size(max = 2000) @Schema(format = "uri", description = "An https URL") String faviconUrl) {
    }

    /** A theme as a body gives it: the whole theme, absent colours not set. */
    @Body
    public record GroupThemeInput(@Schema(description = "#RRGGBB", example = "#FFFFFF") String background,
                                  @Schema(description = "#RRGGBB", example = "#111111") String text,
                                  @Schema(description = "#RRGGBB", example = "#3355FF") String accent) {
    }

    /** Whether nothing is given. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** A value that says something: an empty list says "none", as a generated client sends an unset list. */
    private static boolean meaningful(@Nullable Object value) {
        return value != null && !(value instanceof java.util.Collection<?> items && items.isEmpty());
    }

    /**
     * The community part of a create body: on a group of another kind each given field is a problem (an empty list
     * is none).
     */
    static CommunityInput create(boolean community, CommunityInput input, Problems problems) {
        if (!community) {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put("joinPolicy", input.joinPolicy());
            values.put("membershipQuestions", input.membershipQuestions());
            values.put("branding", input.branding());
            values.put("theme", input.theme());
            values.put("access", input.access());
            values.put("promoLinks", input.promoLinks());
            values.put("reportsEnabled", input.reportsEnabled());
            values.forEach((name, value) -> {
                if (meaningful(value)) {
                    problems.add(name, "only community groups have it (\"kind\": \"community\")");
                }
            });
            return EMPTY;
        }
        return input;
    }

    /**
     * The community part of a partial update, read from its fields (absent: {@code null}; {@code null}:
     * {@code Optional.empty()}). On a community group {@code null} clears a list, the branding or the theme, and is a
     * problem for the other fields; on another kind {@code null} and an empty list are ignored (a read sent back, a
     * generated client's unset list) and a value is a problem.
     */
    public static CommunityInput update(boolean community, Problems problems, @Nullable Optional<String> slug,
                                        @Nullable Optional<String> joinPolicy,
                                        @Nullable Optional<List<MembershipQuestionInput>> membershipQuestions,
                                        @Nullable Optional<GroupBrandingInput> branding,
                                        @Nullable Optional<GroupThemeInput> theme, @Nullable Optional<String> access,
                                        @Nullable Optional<List<PromoLink>> promoLinks,
                                        @Nullable Optional<Boolean> reportsEnabled) {
        Reader read = new Reader(community, problems);
        return new CommunityInput(read.value("slug", slug, null), read.value("joinPolicy", joinPolicy, null),
                read.value("membershipQuestions", membershipQuestions, List.of()),
                read.value("branding", branding, new GroupBrandingInput(null, null, null, null)),
                read.value("theme", theme, new GroupThemeInput(null, null, null)),
                read.value("access", access, null), read.value("promoLinks", promoLinks, List.of()),
                read.value("reportsEnabled", reportsEnabled, null));
    }

    private record Reader(boolean community, Problems problems) {
        /** The field's value; {@code cleared} is what null means (null: null is refused). */
        <T> @Nullable T value(String name, @Nullable Optional<T> field, @Nullable T cleared) {
            if (field == null) {
                return null;
            }
            if (!community) {
                if (field.isPresent() && meaningful(field.get())) {
                    problems.add(name, "only community groups have it");
                }
                return null;
            }
            if (field.isEmpty() && cleared == null) {
                problems.add(name, "must not be null");
            }
            return field.orElse(cleared);
        }
    }
}
