/** Tenants (Spots), their API keys and member tokens: who is calling, and for which Spot. */
package dev.cohort.spots;
