package ai.openclaw.sdk.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The user-service stand-in of {@link ClientBenchmark}, in a process of its own so that its threads, garbage and JIT
 * work do not land in the measured JVM: {@code GET /users/{id}} answers a 60-byte JSON user. Prints {@code port N}
 * once listening and stops when its standard input closes (when the benchmark's JVM ends).
 */
public final class UserServer {
    private UserServer() {}

    public static void main(String[] args) throws IOException {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        byte[] body = ClientBenchmark.BODY.getBytes(StandardCharsets.UTF_8);
        server.createContext("/users/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        server.setExecutor(threads);
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
