/**
 * Resources of the five types (lives, courses, channels, forums, collections): their CRUD, bodies, objects and list
 * filters over the shared {@code resource} table, and whether each is restricted. Not who reaches them: links,
 * participants and grants are {@code access}'s, which hears {@link dev.cohort.resources.CoursePublished}.
 */
package dev.cohort.resources;
