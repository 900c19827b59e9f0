package org.govshare.provider;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the platform itself can be reached: every address of the machine's network interfaces, and the ports its
 * web servers listen on (the API and, when apart, the management port).
 */
@Component
class PlatformEndpoints {

    private final Supplier<Set<InetAddress>> interfaces;
    private final Set<Integer> ports = new CopyOnWriteArraySet<>();

    PlatformEndpoints() {
        this(PlatformEndpoints::interfaceAddresses);
    }

    PlatformEndpoints(Supplier<Set<InetAddress>> interfaces) {
        this.interfaces = interfaces;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        listening(event.getWebServer().getPort());
    }

    void listening(int port) {
        ports.add(port);
    }

    /** Read at each check: an interface can gain an address while the platform runs (DHCP, a new container network). */
    Set<InetAddress> addresses() {
        return interfaces.get();
    }

    Set<Integer> ports() {
        return Collections.unmodifiableSet(ports);
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            throw new IllegalStateException("the machine's network interfaces cannot be listed, so the platform cannot"
                    + " tell its own addresses from a provider's; no provider service is called until it can", e);
        }
        return addresses;
    }
}
