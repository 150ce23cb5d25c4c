/** HTTP plumbing only: problem details, JSON body reading, LHS-bracket filters, paging, authentication and rate limits. */
package dev.cohort.web;
