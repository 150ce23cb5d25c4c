/**
 * Members joining groups themselves: the groups they see, join and leave ({@code /v1/me/groups}, SPEC rules 15-16),
 * and join codes (issue 15: operators make them, members redeem them). Owns {@code join_code}; reads groups' tables
 * and writes memberships only through {@link dev.cohort.groups.Memberships}.
 */
package dev.cohort.joining;
