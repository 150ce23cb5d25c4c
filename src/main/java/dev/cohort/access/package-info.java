/** Resources, the groups linked to them, participants and their sources: access that follows group membership (rules 6-12). */
package dev.cohort.access;
