/**
 * Courses as members take them (rules 13-14): steps, quizzes, progress, enrolment and unenrolment, and the
 * participants table with completion rates. Owns {@code course_step} and {@code course_progress}, and keeps a
 * course participant's progress columns in access's {@code participant}; course CRUD is not here but with the other
 * resource types, and emails go through messaging.
 */
package dev.cohort.courses;
