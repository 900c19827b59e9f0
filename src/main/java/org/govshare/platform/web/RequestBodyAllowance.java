package org.govshare.platform.web;

import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * A call whose body may be larger than {@code govshare.request.max-body-size}, declared as a bean by the feature
 * that needs it (a dataset push), so the general limit stays small for everything else. The same filter enforces
 * it: at once on the declared length, and while reading a chunked body.
 *
 * @param method the HTTP method
 * @param pathPattern a Spring path pattern, e.g. {@code /api/data/{front}/{back}/records}
 * @param maxBodySize the largest body accepted on that call
 */
public record RequestBodyAllowance(HttpMethod method, String pathPattern, DataSize maxBodySize) {
}
