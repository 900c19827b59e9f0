package org.govshare.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.provider.ProviderUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A provider's service that times out, fails or may not be called is answered 504 / 502 with the platform's own words, and that
 * reason is what {@link RefusalAuditFilter} records. (No endpoint calls a provider yet; the data-access work adds the
 * first, and covers the answer over HTTP.)
 */
class ProviderProblemsTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(new Problems(new ObjectMapper()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/data/101001/101301");

    @Test
    void aTimeOutIs504ProviderTimeout() {
        ProblemDetail problem = advice.upstreamFailed(new ProviderUnavailableException(
                "the provider's service did not answer within 200 ms", true, null), request);

        assertThat(problem.getStatus()).isEqualTo(504);
        assertThat(problem.getType()).hasToString("urn:govshare:problem:provider-timeout");
        assertThat(problem.getDetail()).isEqualTo("the provider's service did not answer within 200 ms");
        assertThat(request.getAttribute(Problems.REASON_ATTRIBUTE))
                .isEqualTo("provider-timeout: the provider's service did not answer within 200 ms");
    }

    @Test
    void aFailureIs502ProviderFailed() {
        ProblemDetail problem = advice.upstreamFailed(new ProviderUnavailableException(
                "the provider's service answered with an error (HTTP 500)", false, null), request);

        assertThat(problem.getStatus()).isEqualTo(502);
        assertThat(problem.getType()).hasToString("urn:govshare:problem:provider-failed");
        assertThat(request.getAttribute(Problems.REASON_ATTRIBUTE))
                .isEqualTo("provider-failed: the provider's service answered with an error (HTTP 500)");
    }

    @Test
    void aServiceAtAnAddressThePlatformMayNotCallIs502ProviderAddressNotAllowed() {
        ProblemDetail problem = advice.upstreamFailed(ProviderUnavailableException.addressNotAllowed(
                "the provider's service is registered at an address outside the networks the platform may call"), request);

        assertThat(problem.getStatus()).isEqualTo(502);
        assertThat(problem.getType()).hasToString("urn:govshare:problem:provider-address-not-allowed");
        assertThat(request.getAttribute(Problems.REASON_ATTRIBUTE)).isEqualTo("provider-address-not-allowed: the"
                + " provider's service is registered at an address outside the networks the platform may call");
    }
}
