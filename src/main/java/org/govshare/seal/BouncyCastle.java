package org.govshare.seal;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider, registered once; seals and verifications name it explicitly. */
public final class BouncyCastle {

    public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

    static {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private BouncyCastle() {
    }

    /** Makes sure the provider is registered; the class initialiser does the work. */
    public static Provider provider() {
        return Security.getProvider(PROVIDER);
    }
}
