package io.baton.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link BatonInfrastructure} once for every {@code @QuarkusTest} (one app, one infrastructure). */
@QuarkusTestResource(BatonInfrastructure.class)
public final class GlobalTestResources {
    private GlobalTestResources() {
    }
}
