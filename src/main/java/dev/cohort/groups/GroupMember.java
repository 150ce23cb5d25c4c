package dev.cohort.groups;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.cohort.members.SpotMember;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A member in a group's member list: the SpotMember object plus how they got there: in a static group
 * {@code "manual"} (added by an operator), {@code "selfJoined"} (joined by themselves) or {@code "code"} (joined with
 * the join code {@code joinCodeId}); in a smart group
 * {@code "rule"}, or {@code "exception"} for a member always included; and when the membership ends by itself
 * ({@code validUntil}, Unix seconds, null when permanent); in a community group, the member's {@code groupRole}.
 */
public record GroupMember(@JsonUnwrapped SpotMember member,
                          @Schema(allowableValues = {"manual", "selfJoined", "code", "rule", "exception"},
                                  description = "How the member is in the group: manual, selfJoined or code "
                                          + "(static group), rule or exception (smart group)") String membershipSource,
                          @Schema(description = "When the membership ends by itself (Unix seconds); null: permanent")
                          @Nullable Long validUntil,
                          @Schema(description = "The join code the member joined with (membershipSource code); "
                                  + "null otherwise") java.util.@Nullable UUID joinCodeId,
                          @Schema(allowableValues = {"owner", "admin", "moderator", "member"}, description = "Cohort: "
                                  + "the member's role in a community group; null in other groups")
                          @Nullable String groupRole) {
}
