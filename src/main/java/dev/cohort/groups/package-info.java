/**
 * Groups and their memberships: static groups, bulk operations, exact member counts, deletion and restore, and the
 * membership writes, locks and events every change goes through ({@link dev.cohort.groups.Memberships}). Smart
 * groups' rules are not here: groups calls them through {@link dev.cohort.groups.GroupRules}, which the smartgroups
 * module above implements.
 */
package dev.cohort.groups;
