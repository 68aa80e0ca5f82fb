package dev.policyproof.aws.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Tells loopback endpoints, the only ones an endpoint override may name, from all others. */
public final class Loopback {

    private Loopback() {}

    /**
     * Returns true when {@code endpoint}'s host is a loopback literal ({@code 127.0.0.0/8}, {@code ::1}) or
     * {@code localhost}. Host names other than {@code localhost} are not resolved, so no lookup leaves the machine.
     */
    public static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
