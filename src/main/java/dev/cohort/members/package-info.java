/**
 * Members of a Spot: roles, statuses, custom roles, tags, custom properties and their values, and CSV import. Owns
 * the {@code member}, {@code custom_role}, {@code custom_property}, {@code member_property_value}, {@code tag} and
 * {@code member_tag} tables; publishes {@code MembersChanged} and {@code MembersDeleted} for the modules above, and
 * asks them first, through {@code MemberDeletionCheck}, whether a deletion may go ahead. Knows nothing of groups,
 * resources or messages.
 */
package dev.cohort.members;
