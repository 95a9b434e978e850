package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, read from Linux's {@code /proc}: the listening sockets' inodes in
 * {@code /proc/net/tcp} and {@code tcp6}, and the process's open sockets in {@code /proc/<pid>/fd}. Elsewhere (no
 * {@code /proc/net}) nothing is checked.
 */
final class Listeners {

    private static final String LISTEN = "0A";

    private Listeners() {}

    /** Fails unless a socket listening on the port is one of the process's own. */
    static void assertHeldBy(int port, long pid, String service) {
        Set<String> listening = listening(port);
        if (listening == null) {
            return;
        }
        Set<String> own = sockets(pid);
        assertThat(listening.stream().anyMatch(own::contains))
                .as(
                        "%s (pid %d) answered on port %d, but the listener there is another process's (%s is already in"
                                + " use?); see target/%s.log",
                        service, pid, port, port, service)
                .isTrue();
    }

    /** The inodes of the sockets listening on the port, or null where {@code /proc/net} cannot be read. */
    private static Set<String> listening(int port) {
        Set<String> inodes = new HashSet<>();
        boolean read = false;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            read = true;
            try (Stream<String> lines = Files.lines(path)) {
                lines.skip(1).map(line -> line.trim().split("\\s+")).forEach(fields -> {
                    String local = fields[1];
                    int localPort = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if (localPort == port && fields[3].equals(LISTEN)) {
                        inodes.add(fields[9]);
                    }
                });
            } catch (IOException e) {
                return null;
            }
        }
        return read ? inodes : null;
    }

    /** The inodes of the process's open sockets. */
    private static Set<String> sockets(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed between the listing and the read
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the open files of pid " + pid, e);
        }
        return inodes;
    }
}
