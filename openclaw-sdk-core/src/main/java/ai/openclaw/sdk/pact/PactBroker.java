package ai.openclaw.sdk.pact;

import ai.openclaw.sdk.internal.Secrets;
import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * A client of a Pact Broker (or PactFlow), through the broker's documented HAL API: it starts from the index resource
 * and follows the relations the broker offers ({@code pb:publish-contracts}, {@code
 * pb:provider-pacts-for-verification}, {@code pb:publish-verification-results}).
 *
 * <pre>{@code
 * try (PactBroker broker = PactBroker.builder(URI.create("https://broker.example.com"))
 *         .bearerToken(System.getenv("PACT_BROKER_TOKEN"))      // or .basicAuth(user, password)
 *         .build()) {
 *     // consumer CI: publish what the tests wrote
 *     broker.publish(PactBroker.Publication.of(gitSha).branch("main").tags("ci"), List.of(Path.of("target/pacts")));
 *
 *     // provider CI: the pacts to verify
 *     List<BrokerPact> pacts = broker.pactsForVerification("user-service",
 *             PactBroker.Verification.of(ConsumerVersionSelector.mainBranch(), ConsumerVersionSelector.deployedOrReleased())
 *                     .providerBranch("main").withPending().withWipSince(LocalDate.of(2026, 1, 1)));
 *
 *     // before deploying
 *     if (!broker.canIDeploy("billing-service", gitSha, "production").deployable()) { ... }
 * }
 * }</pre>
 *
 * <p>Credentials (a bearer token, a user and password, or user information in the base URL) are sent with every
 * request and never appear in messages, logs or exceptions. Thread-safe.
 */
public final class PactBroker implements AutoCloseable {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final String ACCEPT = "application/hal+json, application/json";

    private final HttpUrl base;
    private final String display;
    private final @Nullable String authorization;
    private final OkHttpClient http;
    private final ObjectMapper json = JsonMappers.standard();
    private volatile @Nullable JsonNode index;

    private PactBroker(Builder b) {
        String userInfo = b.baseUrl.getRawUserInfo();
        URI withoutUser;
        try {
            withoutUser = new URI(
                    b.baseUrl.getScheme(),
                    null,
                    b.baseUrl.getHost(),
                    b.baseUrl.getPort(),
                    b.baseUrl.getPath(),
                    null,
                    null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URL: " + Secrets.redactUrl(b.baseUrl.toString()));
        }
        HttpUrl parsed = HttpUrl.parse(withoutUser.toString());
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) broker URL: " + Secrets.redactUrl(b.baseUrl.toString()));
        }
        this.base = parsed;
        this.display = Secrets.redact(withoutUser);
        String auth = b.authorization;
        if (auth == null && userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user =
                    URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
            String password = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
            auth = Credentials.basic(user, password, StandardCharsets.UTF_8);
        }
        this.authorization = auth;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(b.timeout)
                .readTimeout(b.timeout)
                .writeTimeout(b.timeout)
                .callTimeout(b.timeout.multipliedBy(2))
                .build();
    }

    /** A broker at {@code baseUrl} ({@code https://broker.example.com}, or with a path under which it is served). */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** The broker's base URL, without credentials. */
    public String url() {
        return display;
    }

    // ------------------------------------------------------------------------------------------------------------
    // publishing

    /**
     * How a consumer version's pacts are published: the version (a git SHA, say), its branch, tags and build.
     *
     * @param consumerVersion the consumer application's version
     * @param branch the branch the version was built from
     * @param tags tags for the version
     * @param buildUrl the CI build that made the pacts
     */
    public record Publication(
            String consumerVersion, Optional<String> branch, List<String> tags, Optional<String> buildUrl) {
        /** Checks and copies. */
        public Publication {
            if (Objects.requireNonNull(consumerVersion, "consumerVersion").isBlank()) {
                throw new IllegalArgumentException("a consumer version is required to publish pacts");
            }
            Objects.requireNonNull(branch, "branch");
            tags = List.copyOf(tags);
            Objects.requireNonNull(buildUrl, "buildUrl");
        }

        /** A publication of this consumer version, with no branch, tags or build URL. */
        public static Publication of(String consumerVersion) {
            return new Publication(consumerVersion, Optional.empty(), List.of(), Optional.empty());
        }

        /** The same, from this branch. */
        public Publication branch(String branch) {
            return new Publication(consumerVersion, Optional.of(branch), tags, buildUrl);
        }

        /** The same, with these tags. */
        public Publication tags(String... tags) {
            return new Publication(consumerVersion, branch, List.of(tags), buildUrl);
        }

        /** The same, made by this CI build. */
        public Publication buildUrl(String buildUrl) {
            return new Publication(consumerVersion, branch, tags, Optional.of(buildUrl));
        }
    }

    /**
     * Publishes pact files (or every {@code *.json} in the folders given) as the consumer version of the publication.
     * Uses {@code pb:publish-contracts} where the broker offers it (one request per consumer, branch and tags
     * included); else the older endpoints (a {@code PUT} per pact, per tag and for the branch).
     *
     * @return the broker's notices, to show the user
     * @throws PactBrokerException when the broker refuses (a {@code 409}: the pact of that version was published
     *     before with other content)
     * @throws IllegalArgumentException when a file is not a pact or no pact is found
     */
    public List<String> publish(Publication publication, List<Path> pactFilesOrDirectories) {
        Map<String, List<JsonNode>> byConsumer = new LinkedHashMap<>();
        for (Path file : pactFiles(pactFilesOrDirectories)) {
            JsonNode pact;
            try {
                pact = json.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the pact " + file + ": " + e.getMessage(), e);
            }
            String consumer = pact.path("consumer").path("name").asText("");
            if (consumer.isEmpty()
                    || pact.path("provider").path("name").asText("").isEmpty()) {
                throw new IllegalArgumentException(
                        file + " is not a pact: consumer.name and provider.name are required");
            }
            byConsumer.computeIfAbsent(consumer, c -> new ArrayList<>()).add(pact);
        }
        List<String> notices = new ArrayList<>();
        JsonNode publishLink = index().path("_links").path("pb:publish-contracts");
        for (Map.Entry<String, List<JsonNode>> e : byConsumer.entrySet()) {
            if (publishLink.has("href")) {
                ObjectNode body = json.createObjectNode();
                body.put("pacticipantName", e.getKey());
                body.put("pacticipantVersionNumber", publication.consumerVersion());
                publication.branch().ifPresent(b -> body.put("branch", b));
                ArrayNode tags = body.putArray("tags");
                publication.tags().forEach(tags::add);
                publication.buildUrl().ifPresent(u -> body.put("buildUrl", u));
                ArrayNode contracts = body.putArray("contracts");
                for (JsonNode pact : e.getValue()) {
                    contracts
                            .addObject()
                            .put("consumerName", e.getKey())
                            .put(
                                    "providerName",
                                    pact.path("provider").path("name").asText())
                            .put("specification", "pact")
                            .put("contentType", "application/json")
                            .put("content", Base64.getEncoder().encodeToString(bytes(pact)));
                }
                JsonNode answer = send("POST", link(publishLink, Map.of()), body);
                answer.path("notices").forEach(n -> notices.add(n.path("text").asText(n.toString())));
            } else {
                for (JsonNode pact : e.getValue()) {
                    HttpUrl url = base.newBuilder()
                            .addPathSegments("pacts/provider")
                            .addPathSegment(pact.path("provider").path("name").asText())
                            .addPathSegment("consumer")
                            .addPathSegment(e.getKey())
                            .addPathSegment("version")
                            .addPathSegment(publication.consumerVersion())
                            .build();
                    send("PUT", url, pact);
                    notices.add("published the pact " + e.getKey() + " -> "
                            + pact.path("provider").path("name").asText() + " for version "
                            + publication.consumerVersion());
                }
                versionLabels(e.getKey(), publication.consumerVersion(), publication.branch(), publication.tags());
            }
        }
        return notices;
    }

    private void versionLabels(String pacticipant, String version, Optional<String> branch, List<String> tags) {
        for (String tag : tags) {
            send(
                    "PUT",
                    base.newBuilder()
                            .addPathSegment("pacticipants")
                            .addPathSegment(pacticipant)
                            .addPathSegment("versions")
                            .addPathSegment(version)
                            .addPathSegment("tags")
                            .addPathSegment(tag)
                            .build(),
                    json.createObjectNode());
        }
        if (branch.isPresent()) {
            send(
                    "PUT",
                    base.newBuilder()
                            .addPathSegment("pacticipants")
                            .addPathSegment(pacticipant)
                            .addPathSegment("branches")
                            .addPathSegment(branch.get())
                            .addPathSegment("versions")
                            .addPathSegment(version)
                            .build(),
                    json.createObjectNode());
        }
    }

    private static List<Path> pactFiles(List<Path> given) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException("no pact file or folder at " + p.toAbsolutePath());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no pact (*.json) in " + given);
        }
        return out;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // verifying

    /**
     * What a provider asks the broker for: consumer version selectors, the provider's branch (for pending pacts and
     * {@code matchingBranch}), whether to include pending pacts, and work-in-progress pacts since a date.
     *
     * @param selectors the consumer version selectors; empty for the broker's default (the latest of each consumer)
     * @param providerBranch the branch of the provider version being verified
     * @param includePending whether pacts not yet verified successfully are included as pending
     * @param includeWipSince work-in-progress pacts published since this date are included
     */
    public record Verification(
            List<ConsumerVersionSelector> selectors,
            Optional<String> providerBranch,
            boolean includePending,
            Optional<LocalDate> includeWipSince) {
        /** Copies the selectors. */
        public Verification {
            selectors = List.copyOf(selectors);
            Objects.requireNonNull(providerBranch, "providerBranch");
            Objects.requireNonNull(includeWipSince, "includeWipSince");
        }

        /** These selectors, no branch, no pending or WIP pacts. */
        public static Verification of(ConsumerVersionSelector... selectors) {
            return new Verification(List.of(selectors), Optional.empty(), false, Optional.empty());
        }

        /** The same, for a provider version on this branch. */
        public Verification providerBranch(String branch) {
            return new Verification(selectors, Optional.of(branch), includePending, includeWipSince);
        }

        /** The same, with pending pacts (their failures do not fail the verification). */
        public Verification withPending() {
            return new Verification(selectors, providerBranch, true, includeWipSince);
        }

        /** The same, with work-in-progress pacts published since {@code since} (pending too, as the broker requires). */
        public Verification withWipSince(LocalDate since) {
            return new Verification(selectors, providerBranch, true, Optional.of(since));
        }
    }

    /**
     * The pacts {@code provider} must verify, each fetched whole ({@code pb:provider-pacts-for-verification}).
     *
     * @throws PactBrokerException when the broker refuses or does not offer the relation
     */
    public List<BrokerPact> pactsForVerification(String provider, Verification verification) {
        JsonNode link = index().path("_links").path("pb:provider-pacts-for-verification");
        if (!link.has("href")) {
            throw new PactBrokerException(
                    "the Pact Broker at " + display + " offers no pb:provider-pacts-for-verification"
                            + " (it is older than version 2.45, or not a Pact Broker)",
                    0,
                    null);
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode selectors = body.putArray("consumerVersionSelectors");
        verification.selectors().forEach(s -> selectors.add(json.valueToTree(s.fields())));
        verification.providerBranch().ifPresent(b -> body.put("providerVersionBranch", b));
        body.put("includePendingStatus", verification.includePending());
        verification.includeWipSince().ifPresent(d -> body.put("includeWipPactsSince", d.toString()));
        JsonNode answer = send("POST", link(link, Map.of("provider", provider)), body);
        List<BrokerPact> out = new ArrayList<>();
        for (JsonNode p : answer.path("_embedded").path("pacts")) {
            String href = p.path("_links").path("self").path("href").asText("");
            if (href.isEmpty()) {
                continue;
            }
            HttpUrl url = resolve(href);
            JsonNode document = send("GET", url, null);
            List<String> notices = new ArrayList<>();
            p.path("verificationProperties")
                    .path("notices")
                    .forEach(n -> notices.add(n.path("text").asText()));
            String results = document.path("_links")
                    .path("pb:publish-verification-results")
                    .path("href")
                    .asText("");
            out.add(new BrokerPact(
                    url.uri(),
                    document.path("consumer").path("name").asText(""),
                    document.path("provider").path("name").asText(provider),
                    p.path("verificationProperties").path("pending").asBoolean(false),
                    p.path("verificationProperties").path("wip").asBoolean(false),
                    notices,
                    document,
                    results.isEmpty()
                            ? Optional.empty()
                            : Optional.of(resolve(results).uri())));
        }
        return out;
    }

    /**
     * Publishes whether the provider version honoured a pact; with a branch, the provider version is recorded on it
     * first.
     *
     * @param pact a pact from {@link #pactsForVerification}
     * @param success whether every interaction passed
     * @param providerVersion the provider application's version
     * @param providerBranch the provider version's branch, or null
     * @param buildUrl the CI build, or null
     * @throws PactBrokerException when the broker refuses, or the pact came without a results link
     */
    public void publishVerificationResult(
            BrokerPact pact,
            boolean success,
            String providerVersion,
            @Nullable String providerBranch,
            @Nullable String buildUrl) {
        URI results = pact.resultsUrl()
                .orElseThrow(() -> new PactBrokerException(
                        "the pact " + pact.consumer() + " -> " + pact.provider() + " from " + display
                                + " carries no pb:publish-verification-results link",
                        0,
                        null));
        if (providerBranch != null) {
            versionLabels(pact.provider(), providerVersion, Optional.of(providerBranch), List.of());
        }
        ObjectNode body = json.createObjectNode();
        body.put("success", success);
        body.put("providerApplicationVersion", providerVersion);
        body.putObject("verifiedBy").put("implementation", "openclaw-sdk");
        if (buildUrl != null) {
            body.put("buildUrl", buildUrl);
        }
        send("POST", resolve(results.toString()), body);
    }

    // ------------------------------------------------------------------------------------------------------------
    // can-i-deploy

    /**
     * Whether {@code version} of {@code pacticipant} can be deployed to {@code environment}, as the broker's matrix
     * says ({@code GET /can-i-deploy}).
     *
     * @throws PactBrokerException when the broker refuses (an unknown pacticipant, version or environment)
     */
    public CanIDeploy canIDeploy(String pacticipant, String version, String environment) {
        HttpUrl url = base.newBuilder()
                .addPathSegment("can-i-deploy")
                .addQueryParameter("pacticipant", pacticipant)
                .addQueryParameter("version", version)
                .addQueryParameter("environment", environment)
                .build();
        JsonNode answer = send("GET", url, null);
        JsonNode summary = answer.path("summary");
        List<String> rows = new ArrayList<>();
        for (JsonNode row : answer.path("matrix")) {
            JsonNode result = row.path("verificationResult");
            rows.add(row.path("consumer").path("name").asText() + " "
                    + row.path("consumer").path("version").path("number").asText("?") + " -> "
                    + row.path("provider").path("name").asText() + " "
                    + row.path("provider").path("version").path("number").asText("?") + ": "
                    + (result.isMissingNode() || result.isNull()
                            ? "not verified"
                            : result.path("success").asBoolean() ? "verified" : "failed"));
        }
        return new CanIDeploy(
                summary.path("deployable").asBoolean(false),
                summary.path("reason").asText(""),
                summary.path("success").asInt(0),
                summary.path("failed").asInt(0),
                summary.path("unknown").asInt(0),
                rows);
    }

    // ------------------------------------------------------------------------------------------------------------
    // HTTP

    private JsonNode index() {
        JsonNode i = index;
        if (i == null) {
            i = send("GET", base, null);
            index = i;
        }
        return i;
    }

    /** A HAL link's URL, its {@code {name}} templates filled. */
    private HttpUrl link(JsonNode link, Map<String, String> values) {
        String href = link.path("href").asText();
        for (Map.Entry<String, String> v : values.entrySet()) {
            href = href.replace(
                    "{" + v.getKey() + "}",
                    java.net.URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return resolve(href);
    }

    private HttpUrl resolve(String href) {
        HttpUrl url = base.resolve(href);
        if (url == null) {
            throw new PactBrokerException("the Pact Broker at " + display + " gave a link that is not a URL", 0, null);
        }
        return url;
    }

    private JsonNode send(String method, HttpUrl url, @Nullable JsonNode body) {
        Request.Builder r = new Request.Builder().url(url).header("Accept", ACCEPT);
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        r.method(method, body == null ? null : RequestBody.create(bytes(body), JSON_TYPE));
        String what = method + " " + url.encodedPath();
        try (Response response = http.newCall(r.build()).execute()) {
            ResponseBody b = response.body();
            String text = b == null ? "" : b.string();
            if (!response.isSuccessful()) {
                throw new PactBrokerException(
                        "the Pact Broker at " + display + " answered " + response.code() + " to " + what
                                + errorText(response.code(), text),
                        response.code(),
                        null);
            }
            if (text.isBlank()) {
                return json.createObjectNode();
            }
            try {
                return json.readTree(text);
            } catch (IOException e) {
                throw new PactBrokerException(
                        "the Pact Broker at " + display + " answered " + what + " with something that is not JSON",
                        response.code(),
                        null);
            }
        } catch (IOException e) {
            throw new PactBrokerException(
                    "the Pact Broker at " + display + " could not be reached for " + what + ": "
                            + Secrets.redact(e.getMessage()),
                    0,
                    e);
        }
    }

    /** The broker's own words about an error: its {@code errors}, {@code error.message} or {@code message}. */
    private String errorText(int status, String body) {
        String hint = status == 401 || status == 403 ? " (check the broker token or user and password)" : "";
        if (body.isBlank()) {
            return hint;
        }
        try {
            JsonNode node = json.readTree(body);
            List<String> parts = new ArrayList<>();
            JsonNode errors = node.path("errors");
            if (errors.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> messages = new ArrayList<>();
                    (e.getValue().isArray()
                                    ? e.getValue()
                                    : json.createArrayNode().add(e.getValue()))
                            .forEach(m -> messages.add(m.isTextual() ? m.asText() : m.toString()));
                    parts.add(e.getKey() + ": " + String.join("; ", messages));
                }
            } else if (errors.isArray()) {
                errors.forEach(m ->
                        parts.add(m.isTextual() ? m.asText() : m.path("message").asText(m.toString())));
            }
            if (node.path("error").has("message")) {
                parts.add(node.path("error").path("message").asText());
            }
            if (node.has("message") && node.get("message").isTextual()) {
                parts.add(node.get("message").asText());
            }
            if (parts.isEmpty() && node.has("title")) {
                parts.add(node.get("title").asText());
            }
            String text = String.join("; ", parts);
            return (text.isEmpty() ? "" : ": " + shorten(Secrets.redact(text))) + hint;
        } catch (IOException e) {
            return ": " + shorten(Secrets.redact(body.strip())) + hint;
        }
    }

    private static String shorten(@Nullable String s) {
        String t = s == null ? "" : s;
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "PactBroker{" + display + "}";
    }

    /** Builds a {@link PactBroker}. */
    public static final class Builder {
        private final URI baseUrl;
        private @Nullable String authorization;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** A bearer token (PactFlow's, or a broker's with token auth). */
        public Builder bearerToken(String token) {
            if (Objects.requireNonNull(token, "token").isBlank()) {
                throw new IllegalArgumentException("the broker token is empty");
            }
            this.authorization = "Bearer " + token;
            return this;
        }

        /** HTTP basic authentication. */
        public Builder basicAuth(String user, String password) {
            this.authorization = Credentials.basic(
                    Objects.requireNonNull(user, "user"),
                    Objects.requireNonNull(password, "password"),
                    StandardCharsets.UTF_8);
            return this;
        }

        /** The timeout of each request's connect, read and write; default 30 s. */
        public Builder timeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The client. */
        public PactBroker build() {
            return new PactBroker(this);
        }
    }
}
