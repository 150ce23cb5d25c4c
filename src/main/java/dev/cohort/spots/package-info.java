/**
 * Tenants (Spots), their API keys and member tokens: who is calling, and for which Spot; the authentication filter
 * and the rate limit. Owns the {@code spot} and {@code api_key} tables; the bottom of the stack, importing only the
 * plumbing.
 */
package dev.cohort.spots;
