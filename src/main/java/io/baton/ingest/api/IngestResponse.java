package io.baton.ingest.api;

import java.util.List;

/** Body of a 202: how many events were accepted, and why each refused one was refused. */
public record IngestResponse(int accepted, List<Rejection> rejected) {

    public record Rejection(int index, String error) {
    }
}
