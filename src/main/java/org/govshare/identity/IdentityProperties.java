package org.govshare.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param authorityDepartment the code of the department that is the sharing authority (its officers review
 *                            catalogs, decide role requests, coordinate disputes)
 */
@ConfigurationProperties("govshare.identity")
public record IdentityProperties(@DefaultValue("sharing-authority") String authorityDepartment) {
}
