/** In-app notifications, invitation emails through a durable outbox, and invitation templates. */
package dev.cohort.messaging;
