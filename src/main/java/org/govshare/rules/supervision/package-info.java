/**
 * The facts the supervision rules ({@code rules/packs/<pack>/supervision/*.drl}) detect violations from: daily figures per
 * department, resource and grant, built from stored state by the features that hold them.
 */
@NamedInterface("supervision-facts")
package org.govshare.rules.supervision;

import org.springframework.modulith.NamedInterface;
