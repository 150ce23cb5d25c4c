/**
 * Configuration and infrastructure: settings from the environment, the database (embedded or external) and COPY into
 * it, the clock. Imports no feature module and owns no table.
 */
package dev.cohort.system;
