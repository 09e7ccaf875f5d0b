/** Ingest: MMSC records over HTTP, validated per event, made durable on Kafka {@code mmsc-events}. */
package io.baton.ingest;
