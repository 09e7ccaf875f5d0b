package io.baton.notify.smpp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void doublesTheWaitUpToTheCapAndStopsAfterTheLastAttempt() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(25));
        assertThat(p.nextDelay(1)).contains(Duration.ofSeconds(10));
        assertThat(p.nextDelay(2)).contains(Duration.ofSeconds(20));
        assertThat(p.nextDelay(3)).contains(Duration.ofSeconds(25));
        assertThat(p.nextDelay(4)).contains(Duration.ofSeconds(25));
        assertThat(p.nextDelay(5)).isEmpty();
    }
}
