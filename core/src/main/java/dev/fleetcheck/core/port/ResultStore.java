package dev.fleetcheck.core.port;

/**
 * Every result-side store in one: what an adapter serving all concerns from one database (SQLite on
 * the embedded default, one DynamoDB table on AWS; see docs/data-model.md) implements for wiring.
 * Use cases ask for the narrow port they need. Every read is a key lookup or an ordered range;
 * every write that must happen once is a conditional write or an atomic counter, never a multi-item
 * transaction.
 */
public interface ResultStore extends ScanStore, FindingStore, SweepStore, IdempotencyStore {}
