package io.baton.campaign.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A campaign document that cannot be accepted, with every error found in it. */
public final class InvalidCampaignException extends RuntimeException {
    private final transient List<CampaignError> errors;

    public InvalidCampaignException(List<CampaignError> errors) {
        super(errors.stream().map(CampaignError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<CampaignError> errors() {
        return errors;
    }
}
