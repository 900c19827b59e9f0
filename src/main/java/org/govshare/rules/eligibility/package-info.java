/** The facts a sharing request gives the eligibility rules: what they may match on, and nothing else. */
@NamedInterface("eligibility-facts")
package org.govshare.rules.eligibility;

import org.springframework.modulith.NamedInterface;
