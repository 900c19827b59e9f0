package org.govshare.provider;

import java.util.List;

/**
 * What a provider registers for a resource it shares as a service (Art. 10, 11).
 *
 * @param url the service's absolute http(s) address; the platform GETs it
 * @param parameters the resource's data items the service accepts as query parameters (exact values)
 * @param timeoutMillis how long the platform waits for an answer, connecting and reading
 * @param credentials how the platform proves itself to the service
 */
public record ServiceRegistration(String url, List<String> parameters, Integer timeoutMillis,
                                  ServiceCredentials credentials) {
}
