package io.baton.notify.mm7;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.MmscRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** With {@code baton.mm7.allowed-ips} set, an MMSC with good credentials from elsewhere is turned away. */
@QuarkusTest
@TestProfile(Mm7AllowListTest.OnlyDocumentationNetwork.class)
class Mm7AllowListTest {

    public static class OnlyDocumentationNetwork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("baton.mm7.allowed-ips", "192.0.2.0/24,2001:db8::/32");
        }
    }

    @Test
    void goodCredentialsFromAnAddressOutsideTheListAreRefused() throws Exception {
        URI mm7 = URI.create("http://127.0.0.1:" + RestAssured.port + "/mm7");
        HttpResponse<String> answer = MmscRequests.post(mm7,
                MmscRequests.deliveryReport("dr-ip", "m-1", "8613905000301", "Retrieved"), "demo", Api.TOKEN);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("<mm7:StatusCode>4001</mm7:StatusCode>")
                .contains("address not allowed to post MM7");
    }
}
