/**
 * What every feature's web layer shares: the refusals it throws (each names a field and a rule and becomes an RFC
 * 9457 problem document), paging and query-parameter guards, and the filters and advice that answer every request
 * the same way.
 */
@NamedInterface("web")
package org.govshare.platform.web;

import org.springframework.modulith.NamedInterface;
