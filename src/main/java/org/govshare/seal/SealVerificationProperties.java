package org.govshare.seal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Checking seals for anyone ({@code POST /api/seals/verify}).
 *
 * @param maxFileSize the largest document, seal or sealed file taken, each; two of them must fit in
 *                    {@code spring.servlet.multipart.max-request-size}
 */
@ConfigurationProperties("govshare.seals.verification")
public record SealVerificationProperties(@DefaultValue("5MB") DataSize maxFileSize) {
}
