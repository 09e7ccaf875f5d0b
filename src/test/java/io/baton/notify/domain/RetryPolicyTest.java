package io.baton.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aLongRunOfAttemptsStaysAtTheCapWithoutOverflow() {
        RetryPolicy p = new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(2), Duration.ofMinutes(5));
        assertThat(p.nextDelay(1000)).contains(Duration.ofMinutes(5));
    }

    @Test
    void refusesAnInconsistentPolicy() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
