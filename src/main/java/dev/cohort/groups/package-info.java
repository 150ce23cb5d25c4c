/**
 * Groups and their memberships: static groups, bulk operations, exact member counts, deletion and restore, the
 * groups members see, join and leave themselves ({@code /v1/me/groups}, SPEC rules 15-16), and the
 * membership writes, locks and events every change goes through ({@link dev.cohort.groups.Memberships}). Smart
 * groups' rules are not here: groups calls them through {@link dev.cohort.groups.GroupRules}, which the smartgroups
 * module above implements.
 */
package dev.cohort.groups;
