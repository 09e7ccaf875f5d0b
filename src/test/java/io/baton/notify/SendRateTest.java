package io.baton.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The send rate on a fake clock: which slot each SubmitReq gets, not how fast a machine is. */
class SendRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> parked = new ArrayList<>();

    private SendRate rate(double perSecond) {
        return new SendRate(perSecond, now::get, nanos -> {
            parked.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void spacesSendsByTheConfiguredRate() {
        SendRate tenPerSecond = rate(10);
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tenPerSecond.acquire();
            sentAt.add(now.get());
        }
        assertThat(sentAt).containsExactly(1_000_000_000L, 1_100_000_000L, 1_200_000_000L, 1_300_000_000L,
                1_400_000_000L);
    }

    @Test
    void aQuietPeriodIsNotSavedUpForABurst() {
        SendRate tenPerSecond = rate(10);
        tenPerSecond.acquire();
        now.addAndGet(5_000_000_000L);
        tenPerSecond.acquire();
        tenPerSecond.acquire();
        assertThat(parked).containsExactly(100_000_000L);
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> rate(0)).hasMessage("a send rate must be > 0, not 0.0");
        assertThatThrownBy(() -> rate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
