/**
 * Community groups (SPEC rules 18-22): groups that are spaces of their own, with an owner, group roles, a join URL
 * slug changed at most once, settings (branding, theme, access, promotional links, reports), the Spot's community
 * settings, reported content, and the one authorization decision every community operation starts with
 * ({@link dev.cohort.communities.CommunityAuthority}). Their members are group memberships like any group's.
 */
package dev.cohort.communities;
