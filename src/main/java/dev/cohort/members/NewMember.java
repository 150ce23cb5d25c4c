package dev.cohort.members;

import java.util.Map;
import java.util.UUID;

/** A member to create; null fields take their defaults (role Member, status Invited, lang en). */
record NewMember(String email, String firstname, String lastname, String title, String lang, String role,
                 UUID customRoleId, String status, String avatarUrl, Map<String, Object> registrationSource) {
}
