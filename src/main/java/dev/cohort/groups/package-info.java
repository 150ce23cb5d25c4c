/** Groups and their memberships: static groups, bulk operations, exact member counts, deletion. */
package dev.cohort.groups;
