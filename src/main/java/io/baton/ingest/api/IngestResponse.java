package io.baton.ingest.api;

import java.util.List;

/**
 * Body of a 202: how many events were accepted, why each refused one was refused, and which were
 * read but deliberately not published (MM4 read-reply reports).
 */
public record IngestResponse(int accepted, List<Rejection> rejected, List<Ignored> ignored) {

    public IngestResponse(int accepted, List<Rejection> rejected) {
        this(accepted, rejected, List.of());
    }

    public record Rejection(int index, String error) {
    }

    public record Ignored(int index, String reason) {
    }
}
