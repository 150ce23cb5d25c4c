/**
 * Smart groups: rules (parsed, checked, compiled to SQL and matched in memory), their set-based evaluation over a
 * Spot, previews, exceptions, and keeping memberships current as members change. Memberships themselves are written
 * through groups ({@link dev.cohort.groups.Memberships}), which this module implements {@link
 * dev.cohort.groups.GroupRules} for.
 */
package dev.cohort.smartgroups;
