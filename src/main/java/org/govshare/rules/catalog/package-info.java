/** The facts the catalog gives the catalog-review rules: what they may match on, and nothing else. */
@NamedInterface("catalog-facts")
package org.govshare.rules.catalog;

import org.springframework.modulith.NamedInterface;
