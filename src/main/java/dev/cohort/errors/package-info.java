/** The few domain exceptions features throw; they carry no HTTP types (the web module maps them). */
package dev.cohort.errors;
