/**
 * HTTP plumbing only: problem details, JSON body reading, LHS-bracket filters, paging, time-ordered ids, content
 * negotiation and the OpenAPI document. Imports no feature module and owns no table.
 */
package dev.cohort.web;
