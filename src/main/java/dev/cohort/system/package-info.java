/** Configuration and infrastructure: settings from the environment, the database (embedded or external), the clock. */
package dev.cohort.system;
