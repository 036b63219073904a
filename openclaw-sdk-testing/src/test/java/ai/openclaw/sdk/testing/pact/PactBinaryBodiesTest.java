package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.contentType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Binary bodies: recorded base64-encoded, answered as bytes, judged byte for byte or by their detected kind. */
class PactBinaryBodiesTest {
    /** The first bytes of a PNG file: signature, then the start of the IHDR chunk. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    private static HttpServer serving(byte[] body, String type) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private void verify(HttpServer provider) {
        PactVerifier.forProvider("avatar-service")
                .pactsIn(directory.path())
                .verify(URI.create("http://127.0.0.1:" + provider.getAddress().getPort()));
    }

    @Test
    void exactBytesAreRecordedAnsweredAndVerified() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "avatar-service")
                .uponReceiving(
                        "the avatar of u-1",
                        PactRequest.get("/avatars/u-1"),
                        PactResponse.status(200).body(PNG, "image/png"))
                .build();
        try (MockProvider avatars = MockProvider.start(pact)) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(avatars.baseUrl().resolve("/avatars/u-1"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.body()).isEqualTo(PNG);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
            JsonNode body =
                    PactFiles.JSON.readTree(Files.readString(avatars.verify())).at("/interactions/0/response/body");
            assertThat(body.path("encoded").asText()).isEqualTo("base64");
            assertThat(body.path("contentTypeHint").asText()).isEqualTo("BINARY");
        }
        HttpServer same = serving(PNG, "image/png");
        try {
            verify(same);
        } finally {
            same.stop(0);
        }
        byte[] other = PNG.clone();
        other[15] = 'X';
        HttpServer changed = serving(other, "image/png");
        try {
            assertThatThrownBy(() -> verify(changed)).hasMessageContaining("expected the same binary content");
        } finally {
            changed.stop(0);
        }
    }

    @Test
    void aContentTypeRuleJudgesBinaryContentByItsKind() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "avatar-service")
                .uponReceiving(
                        "an invoice as PDF",
                        PactRequest.get("/invoices/i-1"),
                        PactResponse.status(200).body(contentType("application/pdf", PDF)))
                .build();
        try (MockProvider invoices = MockProvider.start(pact)) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(invoices.baseUrl().resolve("/invoices/i-1"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.body()).isEqualTo(PDF);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
            invoices.verify();
        }
        byte[] anotherPdf =
                "%PDF-1.4\n%\u00ff\u00fe other content".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpServer pdf = serving(anotherPdf, "application/pdf");
        try {
            verify(pdf);
        } finally {
            pdf.stop(0);
        }
        HttpServer png = serving(PNG, "application/pdf");
        try {
            assertThatThrownBy(() -> verify(png))
                    .hasMessageContaining("expected content of type application/pdf, found image/png");
        } finally {
            png.stop(0);
        }
    }
}
