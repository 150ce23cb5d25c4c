/**
 * The few domain exceptions features throw (not found, conflict, invalid input, too large); they carry no HTTP types
 * (the web module maps them). Imports nothing of Cohort.
 */
package dev.cohort.errors;
