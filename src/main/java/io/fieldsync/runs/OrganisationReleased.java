package io.fieldsync.runs;

/**
 * Published once a hold on the organisation ({@link OrganisationHolds}) is ended and committed, by
 * its holder or, when its node died, by a watchdog: a sync owed meanwhile may start now.
 */
public record OrganisationReleased(long tenant, String heldBy) {
}
