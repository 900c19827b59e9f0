/** Encryption at rest of the secrets features keep (provider service credentials), under one platform key. */
@NamedInterface("secrets")
package org.govshare.platform.secrets;

import org.springframework.modulith.NamedInterface;
