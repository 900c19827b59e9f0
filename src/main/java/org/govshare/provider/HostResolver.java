package org.govshare.provider;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a host name up; the JDK's resolver ({@link InetAddress#getAllByName}) unless a test gives its own. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    /** @return every address of the host, never empty; an IP literal is its own address */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
