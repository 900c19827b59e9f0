package org.govshare.seal;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider, registered once; seals and verifications name it explicitly. */
public final class BouncyCastle {

    /** Not a compile-time constant on purpose: reading it initialises this class, which registers the provider. */
    public static final String PROVIDER = registered();

    private BouncyCastle() {
    }

    private static String registered() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        return BouncyCastleProvider.PROVIDER_NAME;
    }

    /** Makes sure the provider is registered; the class initialiser does the work. */
    public static Provider provider() {
        return Security.getProvider(PROVIDER);
    }
}
