package dev.cohort.joining;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group as a member sees it (member token): what it is, how it is joined, whether the member is in it, its window
 * (Unix seconds) and its place among the groups the member sees.
 */
public record MemberGroup(UUID id, String name, @Nullable String description, @Nullable String emoji,
                          @Nullable String icon,
                          @Schema(allowableValues = {"open", "code"}, description = "open: join and leave with "
                                  + "~join and ~leave; code: joined with a code") String joinType,
                          @Schema(description = "Whether the member is in the group") boolean joined,
                          @Schema(description = "Unix seconds: visible and joinable from then on; null: from the "
                                  + "start") @Nullable Long startDate,
                          @Schema(description = "Unix seconds: visible and joinable until then; null: no end")
                          @Nullable Long stopDate,
                          @Schema(description = "Its place among the groups the member sees (then by name)")
                          int order) {
}
