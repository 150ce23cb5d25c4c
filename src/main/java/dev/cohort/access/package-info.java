/**
 * Access that follows group membership (rules 6-12): the groups linked to resources, participants and their sources,
 * grants and revocations, and who reaches what. The resources themselves (their CRUD and fields) are in
 * {@code resources}.
 */
package dev.cohort.access;
