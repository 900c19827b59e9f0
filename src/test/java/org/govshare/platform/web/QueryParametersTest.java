package org.govshare.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/** What an endpoint takes, read from its method, and paging checked by the same rules everywhere. */
class QueryParametersTest {

    private static final RequestProperties LIMITS = new RequestProperties(DataSize.ofMegabytes(1), 20, 100, 10_000);

    record Search(String q, Integer page, Integer size) {
    }

    record Who(String login) {
    }

    record Body(String text) {
    }

    @SuppressWarnings("unused")
    static class Endpoints {
        void list(@PathVariable String id, @RequestParam(required = false) String side,
                  @RequestParam(name = "status", required = false) String state, Paging paging) {
        }

        void search(@Valid Search query, @AuthenticationPrincipal Who caller, @RequestBody Body body) {
        }

        void filter(@RequestParam Map<String, String> query, @RequestParam int page) {
        }

        void one(@PathVariable String id) {
        }
    }

    private static QueryParameters of(String method) {
        var found = java.util.Arrays.stream(Endpoints.class.getDeclaredMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow();
        return QueryParameters.of(new HandlerMethod(new Endpoints(), found));
    }

    @Test
    void readsTheParametersAnEndpointTakes() {
        assertThat(of("list").names()).containsExactly("side", "status", "page", "size");
        assertThat(of("list").paged()).isTrue();
        assertThat(of("search").names()).as("the caller and the body are not the query").containsExactly("q", "page", "size");
        assertThat(of("one").names()).isEmpty();
        assertThat(of("one").takes("id")).as("a path variable is no query parameter").isFalse();
        assertThat(of("filter").takes("姓名")).as("a map of parameters takes any name").isTrue();
    }

    @Test
    void pagingHasDefaultsAndRefusesEachMistakeByItsRule() {
        assertThat(Paging.of(new MockHttpServletRequest(), LIMITS)).isEqualTo(new Paging(0, 20));
        assertThat(Paging.of(request("page", "3", "size", "100"), LIMITS)).isEqualTo(new Paging(3, 100));

        assertRefused(request("page", "-1"), "page", "min");
        assertRefused(request("page", "10001"), "page", "max");
        assertRefused(request("page", "abc"), "page", "invalid-format");
        assertRefused(request("size", "0"), "size", "range");
        assertRefused(request("size", "100000"), "size", "range");
        assertRefused(request("size", "99999999999"), "size", "invalid-format");
    }

    private static MockHttpServletRequest request(String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    private static void assertRefused(MockHttpServletRequest request, String field, String rule) {
        assertThatThrownBy(() -> Paging.of(request, LIMITS)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.rule()).isEqualTo(rule);
                }));
    }
}
