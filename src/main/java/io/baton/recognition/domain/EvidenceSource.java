package io.baton.recognition.domain;

import java.util.List;

/** One way of seeing a seed in a message (exact parts, tags, images, text). */
interface EvidenceSource {
    /** Decisive signals and near misses for every campaign this message resembles. */
    List<Evidence> evidence(MessageContent message);
}
