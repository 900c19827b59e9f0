/**
 * What every PDF the platform writes shares: A4 pages written top to bottom in one embedded Chinese font, the
 * palette, and the place on a page where an official document carries its seal. The annual assessment's report and
 * the documents the authority issues are written with it.
 */
@NamedInterface("pdf")
package org.govshare.platform.pdf;

import org.springframework.modulith.NamedInterface;
