/** Members of a Spot: roles, statuses, custom roles, tags, custom properties and CSV import. */
package dev.cohort.members;
