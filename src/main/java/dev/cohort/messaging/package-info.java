/**
 * In-app notifications, invitation emails through a durable outbox and their delivery (SMTP or files), and invitation
 * templates. Sits below groups, access and courses: it owns the {@code notification}, {@code outbox} and
 * {@code invitation_template} tables and hands the modules above the {@link dev.cohort.messaging.NotificationRows}
 * and {@link dev.cohort.messaging.OutboxRows} fragments their set-based fan-outs embed, and
 * {@link dev.cohort.messaging.EmailQueue} for single emails. It decides nothing about who is invited.
 */
package dev.cohort.messaging;
