package io.baton.notify.mm7.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class IpAllowListTest {

    private final IpAllowList list = new IpAllowList(List.of("10.20.0.0/16", "192.0.2.7", "2001:db8::/32"));

    @Test
    void allowsAddressesInsideTheRanges() {
        assertThat(list.allows("10.20.255.1")).isTrue();
        assertThat(list.allows("192.0.2.7")).isTrue();
        assertThat(list.allows("2001:db8:1::5")).isTrue();
    }

    @Test
    void refusesAddressesOutsideAndNonAddresses() {
        assertThat(list.allows("10.21.0.1")).isFalse();
        assertThat(list.allows("192.0.2.8")).isFalse();
        assertThat(list.allows("2001:db9::1")).isFalse();
        assertThat(list.allows("localhost")).isFalse();
        assertThat(list.allows(null)).isFalse();
    }

    @Test
    void namesTheEntryThatIsNotACidr() {
        assertThatThrownBy(() -> new IpAllowList(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new IpAllowList(List.of("mmsc.example.com"))).hasMessageContaining("mmsc.example.com");
    }
}
