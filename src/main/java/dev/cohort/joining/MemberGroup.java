package dev.cohort.joining;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group as a member sees it (member token): what it is, how it is joined, whether the member is in it (and with
 * which role in a community group) or waits for approval, its window (Unix seconds; null for community groups) and
 * its place among the groups the member sees.
 */
public record MemberGroup(UUID id, String name, @Nullable String description, @Nullable String emoji,
                          @Nullable String icon,
                          @Schema(allowableValues = {"static", "community"}, description = "static: a self-join "
                                  + "group; community: a community group (issue 16)") String kind,
                          @Schema(allowableValues = {"open", "code", "approval"}, description = "open: join and "
                                  + "leave with ~join and ~leave; code: joined with a code; approval (community "
                                  + "groups): ~join files a join request that a moderator approves") String joinType,
                          @Schema(description = "Whether the member is in the group") boolean joined,
                          @Schema(description = "Whether the member's request to join waits for approval")
                          boolean pending,
                          @Schema(allowableValues = {"owner", "admin", "moderator", "member"}, description = "The "
                                  + "member's role in a community group they are in; null otherwise")
                          @Nullable String groupRole,
                          @Schema(description = "Unix seconds: visible and joinable from then on; null: from the "
                                  + "start") @Nullable Long startDate,
                          @Schema(description = "Unix seconds: visible and joinable until then; null: no end")
                          @Nullable Long stopDate,
                          @Schema(description = "Its place among the groups the member sees (then by name)")
                          int order) {
}
