/** Courses: steps, quizzes, progress, enrolment and the participants table (rules 13-14). */
package dev.cohort.courses;
