/**
 * Groups and their memberships: static groups, bulk operations, exact member counts, deletion and restore, the
 * self-join settings a group carries ({@link dev.cohort.groups.JoinSettings}), memberships that expire, and the
 * membership writes, locks and events every change goes through ({@link dev.cohort.groups.Memberships}). Members
 * joining groups themselves and join codes are not here but in the joining module above; smart groups' rules
 * neither: groups calls them through {@link dev.cohort.groups.GroupRules}, which the smartgroups module above
 * implements; community groups' own fields (owner, slug, settings) neither: groups shows and guards them through
 * {@link dev.cohort.groups.GroupCommunities}, which the communities module above implements.
 */
package dev.cohort.groups;
