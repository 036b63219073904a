package ai.openclaw.sdk.events.internal;

import java.util.concurrent.ThreadLocalRandom;

/** The default name of a service's instance: its consumer name and reply inbox when none is given. */
public final class InstanceNames {
    private InstanceNames() {}

    /**
     * {@code <service>-<host>-<pid>-<random>}: unique per process, readable in {@code XINFO CONSUMERS}; no {@code :}
     * or {@code @}, so that it can be part of a stream name.
     */
    public static String next(String service) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        String name = service + "-" + host + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL);
        return name.replace(':', '-').replace('@', '-');
    }
}
