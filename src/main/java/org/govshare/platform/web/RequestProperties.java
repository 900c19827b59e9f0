package org.govshare.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what callers may send.
 *
 * @param maxBodySize the largest request body accepted on the API; larger ones get 413 before anything reads them
 */
@ConfigurationProperties("govshare.request")
public record RequestProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
