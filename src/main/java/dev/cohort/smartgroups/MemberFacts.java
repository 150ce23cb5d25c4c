package dev.cohort.smartgroups;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What rules read of one member, loaded in one query for the members a request changed. {@code email} and
 * {@code source} come already lower-cased and resolved by the same SQL expressions {@link RuleSql} uses; tags are
 * ids with their lower-cased names; properties map slugs to stored values (with the property type).
 */
record MemberFacts(UUID id, String role, UUID customRoleId, String status, String email, String source,
                   Instant registrationDate, Instant invitationDate, Instant lastActivityAt,
                   Map<UUID, String> tags, Map<String, Value> properties) {

    record Value(String type, JsonNode value) {
    }
}
