package io.baton.notify.mm7;

import java.util.List;

import io.baton.support.MmscStandInResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Baton with {@code baton.mm7.*} pointing at an {@link io.baton.support.MmscStandIn}. */
public class MmscStandInProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MmscStandInResource.class));
    }
}
