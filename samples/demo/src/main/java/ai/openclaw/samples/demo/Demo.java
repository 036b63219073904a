package ai.openclaw.samples.demo;

import ai.openclaw.samples.billing.BillingService;
import ai.openclaw.samples.billing.Subscription;
import ai.openclaw.samples.notification.NotificationService;
import ai.openclaw.samples.notification.Outbox;
import ai.openclaw.samples.notification.spring.NotificationApplication;
import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.samples.user.UserService;
import ai.openclaw.sdk.canary.CanaryAnalysis;
import ai.openclaw.sdk.canary.CanaryCriteria;
import ai.openclaw.sdk.canary.CanaryVerdict;
import ai.openclaw.sdk.catalog.Dependency;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.client.ClientException;
import ai.openclaw.sdk.client.ServiceClient;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.events.DeadLetter;
import ai.openclaw.sdk.events.DeadLetters;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.testing.redis.RedisServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The samples' system running on the SDK, in one JVM, against a real Redis: user-service, billing-service and
 * notification-service, with a front end calling them through the SDK's clients. In under a minute it shows events
 * flowing in one trace, each service's health, a contract violation refused at the boundary, a circuit breaker
 * opening while billing-service is down and closing when it is back, and a poison event in the dead-letter stream.
 *
 * <pre>{@code
 * ./mvnw -q -Pdemo -pl samples/demo -am verify -DskipTests
 * }</pre>
 *
 * <p>Redis: {@code REDIS_URL} when set (the demo's streams then get a prefix of their own), else a {@code
 * redis-server} on {@code PATH}, else the binary of a Maven Central artifact, started on a free loopback port and
 * removed afterwards.
 */
public final class Demo {
    private static final ObjectMapper JSON = JsonMappers.standard();

    private static final List<java.util.logging.Logger> QUIET = new java.util.ArrayList<>();

    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Demo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the demo.
     *
     * @param args the samples directory (holding {@code .openclaw/} and {@code contracts/}); default {@code samples}
     */
    public static void main(String[] args) throws Exception {
        // the JDK's HttpServer (under the samples' servers) answers without Nagle's 40 ms waits: docs/server.md
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        try (RedisServer redis = RedisServer.start()) {
            new Demo(System.out).run(samples, redis);
        }
    }

    void run(Path samples, RedisServer redis) throws Exception {
        Traces traces = new Traces();
        Instances instances = new Instances();
        Outbox outbox = new Outbox(m -> out.println("  [mail] to " + m.to() + ": \"" + m.subject() + "\""));
        String prefix = redis.source() == RedisServer.Source.ENVIRONMENT
                ? "openclaw-demo-" + System.currentTimeMillis() + ":"
                : "";
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            // redelivery quick enough to watch: redelivered after 1 s, dead-lettered after 3 deliveries
            Map<String, String> settings = Map.of(
                    SettingKeys.EVENTS_STREAM_PREFIX, prefix,
                    SettingKeys.EVENTS_PROCESSING_TIMEOUT, "1s",
                    SettingKeys.EVENTS_MAX_DELIVERIES, "3",
                    SettingKeys.EVENTS_RETRY_BACKOFF, "50ms");
            ServiceDiscovery discovery =
                    ServiceDiscovery.builder().addSource(instances).build();
            Consumer<ResiliencePolicies.CircuitTransition> circuits =
                    t -> out.println("  [circuit] calls to " + t.target() + ": " + t.from() + " -> " + t.to());
            java.util.function.UnaryOperator<ai.openclaw.sdk.runtime.ServiceRuntime.Builder> shared =
                    r -> r.transport(transport)
                            .discovery(discovery)
                            .openTelemetry(traces.sdk)
                            .onCircuitTransition(circuits);
            // each service's first instance is <service>-1 (its consumer name and reply inbox); a second, -2
            SampleEnvironment env = instance(samples, settings, shared, 1);
            SampleEnvironment second = instance(samples, settings, shared, 2);
            SampleEnvironment third = instance(samples, settings, shared, 3);
            ServiceCatalog catalog = ServiceCatalog.load(samples.resolve(".openclaw/services.yaml"));
            intro(catalog, redis, transport);
            try (UserService users = UserService.start(env, 0);
                    NotificationService notifications = NotificationService.start(env, 0, outbox);
                    ResiliencePolicies frontPolicies = ResiliencePolicies.builder()
                            .properties(SampleEnvironment.settings(samples, settings)
                                    .withPrefix(ResiliencePolicies.PROPERTY_PREFIX))
                            .catalog(catalog)
                            .openTelemetry(traces.sdk)
                            .onCircuitTransition(circuits)
                            .build();
                    ServiceClients front = ServiceClients.builder(discovery)
                            .contracts(ContractRegistry.load(samples.resolve("contracts")))
                            .policies(frontPolicies)
                            .openTelemetry(traces.sdk)
                            .build()) {
                instances.put(UserService.NAME, users.uri());
                BillingService billing = BillingService.start(env, 0);
                int billingPort = billing.uri().getPort();
                instances.put(BillingService.NAME, billing.uri());
                try {
                    section("The services");
                    out.println("  user-service          " + users.uri() + "   (HTTP API, /health)");
                    out.println("  billing-service       " + billing.uri() + "   (HTTP API, /health)");
                    out.println("  notification-service  " + notifications.uri() + "   (/health only)");

                    String ada = signUp(front, traces, billing, outbox);
                    health(Map.of(
                            UserService.NAME, users.uri(),
                            BillingService.NAME, billing.uri(),
                            NotificationService.NAME, notifications.uri()));
                    violation(users.uri());
                    requestReply(second, front, traces, users, transport, ada);
                    canary(third, discovery, instances, samples, ada);
                    billing = outage(env, front, billing, billingPort, outbox, ada, users, transport, prefix);
                    poison(front, outbox, transport, prefix, billing, notifications);
                    springBoot(samples, redis, prefix, front, notifications, outbox);
                } finally {
                    billing.close();
                }
            }
        } finally {
            traces.sdk.close();
        }
        section("Done");
    }

    private void intro(ServiceCatalog catalog, RedisServer redis, RedisTransport transport) {
        section("The system (samples/.openclaw/services.yaml, samples/contracts/)");
        out.println("  " + catalog.services().size() + " services of "
                + catalog.teams().size() + " teams");
        for (Dependency d : catalog.dependentsOf(UserService.NAME)) {
            out.println("  " + d.from() + " depends on user-service: " + d.kinds()
                    + (d.events().isEmpty() ? "" : " " + d.events()));
        }
        out.println("  Redis: " + transport.address() + " ("
                + switch (redis.source()) {
                    case ENVIRONMENT -> "REDIS_URL";
                    case PATH -> "redis-server " + redis.version() + " from PATH, started for the demo";
                    case EMBEDDED -> "redis-server " + redis.version() + " from a Maven artifact, started for the demo";
                }
                + ")");
    }

    /** A user signs up through the front end; the events flow to billing and notifications in one trace. */
    private String signUp(ServiceClients front, Traces traces, BillingService billing, Outbox outbox)
            throws InterruptedException {
        section("A user signs up: POST /users through the SDK's client; user.created flows in the same trace");
        Tracer tracer = traces.sdk.getTracer("demo");
        Span root = tracer.spanBuilder("sign up").startSpan();
        JsonNode user;
        try (Scope ignored = root.makeCurrent()) {
            user = signUp(front, "ada@example.com", "Ada Lovelace");
        } finally {
            root.end();
        }
        String id = user.get("id").asText();
        out.println("  201 " + user);
        await(
                "billing's trial and the welcome",
                Duration.ofSeconds(60),
                () -> !billing.subscriptionsOf(id).isEmpty()
                        && outbox.sent().stream().anyMatch(m -> m.to().equals("ada@example.com")));
        Subscription trial = billing.subscriptionsOf(id).get(0);
        out.println("  billing-service: subscription " + trial.id() + " " + trial.plan() + " " + trial.status()
                + " until " + trial.trialEndsAt());
        String traceId = root.getSpanContext().getTraceId();
        await(
                "the trace's spans",
                Duration.ofSeconds(60),
                () -> traces.trace(traceId).size() >= 6);
        out.println("  trace " + traceId + ":");
        Traces.draw(traces.trace(traceId), "front end").forEach(out::println);
        return id;
    }

    private void health(Map<String, URI> services) throws IOException, InterruptedException {
        section("Health: GET /health of each service (MicroProfile Health JSON)");
        for (String service : List.of(UserService.NAME, BillingService.NAME, NotificationService.NAME)) {
            HttpResponse<String> r = get(services.get(service).resolve("/health"));
            JsonNode report = JSON.readTree(r.body());
            String checks = stream(report.get("checks"))
                    .map(c -> c.get("name").asText() + "=" + c.get("status").asText())
                    .collect(Collectors.joining(", "));
            out.println(String.format(
                    "  %-21s %d %s  [%s]",
                    service, r.statusCode(), report.get("status").asText(), checks));
        }
    }

    private void violation(URI users) throws IOException, InterruptedException {
        section("A contract violation caught at the boundary: a request user-service's OpenAPI contract refuses");
        String body = "{\"email\":\"ada-at-example.com\",\"name\":\"\",\"password\":\"1234\"}";
        out.println("  POST /users " + body);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(users.resolve("/users"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode problem = JSON.readTree(r.body());
        out.println("  " + r.statusCode() + " "
                + r.headers().firstValue("Content-Type").orElse("") + ": "
                + problem.get("title").asText());
        for (JsonNode v : problem.path("violations")) {
            out.println("    " + v.get("pointer").asText() + "  "
                    + v.get("rule").asText() + ": " + v.get("message").asText());
        }
    }

    /** The runtimes of each service's {@code n}th instance: {@code openclaw.events.instance} is {@code <service>-n}. */
    private static SampleEnvironment instance(
            Path samples,
            Map<String, String> settings,
            java.util.function.UnaryOperator<ai.openclaw.sdk.runtime.ServiceRuntime.Builder> shared,
            int n) {
        return service -> {
            Map<String, String> mine = new java.util.HashMap<>(settings);
            mine.put(SettingKeys.EVENTS_INSTANCE, service + "-" + n);
            return SampleEnvironment.of(samples, mine, shared).runtime(service);
        };
    }

    /**
     * The seed's customer inquiry over events: two user-service instances ask billing-service at once, and each
     * answer comes back to the instance that asked, in the asker's trace.
     */
    private void requestReply(
            SampleEnvironment second,
            ServiceClients front,
            Traces traces,
            UserService users,
            RedisTransport transport,
            String ada)
            throws Exception {
        section("Request-reply over events: user-service asks billing-service, the answer comes back to the asker");
        try (UserService users2 = UserService.start(second, 0)) {
            out.println("  user-service-2        " + users2.uri() + "   a second instance of user-service");
            URI path = URI.create("/users/" + ada + "/subscription");
            var one = http.sendAsync(
                    HttpRequest.newBuilder(users.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            var two = http.sendAsync(
                    HttpRequest.newBuilder(users2.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            out.println("  GET user-service-1 " + path + " -> "
                    + one.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode() + " "
                    + one.get().body());
            out.println("  GET user-service-2 " + path + " -> "
                    + two.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode() + " "
                    + two.get().body());
            for (UserService u : List.of(users, users2)) {
                String inbox = u.billingRequests().inbox();
                out.println("  " + inbox + ": " + transport.length(inbox) + " reply, "
                        + u.billingRequests().stats().answered() + " answered");
            }
        }
        Tracer tracer = traces.sdk.getTracer("demo");
        Span root = tracer.spanBuilder("ask").startSpan();
        try (Scope ignored = root.makeCurrent()) {
            front.client(UserService.NAME)
                    .get("/users/{id}/subscription")
                    .pathVariable("id", ada)
                    .send(JsonNode.class);
        } finally {
            root.end();
        }
        String traceId = root.getSpanContext().getTraceId();
        await("the trace's spans", Duration.ofSeconds(60), () -> traces.trace(traceId).stream()
                .anyMatch(x -> x.getName().equals("process subscription.status_retrieved")));
        out.println("  trace " + traceId + ": the question and its answer, one trace");
        Traces.draw(traces.trace(traceId), "front end").forEach(out::println);
    }

    /**
     * A canary of user-service: a third instance listed as version 1.1.0 on the canary track takes 20% of the front
     * end's customers (sticky); the calls of each track are judged; then the canary crashes and is rolled back.
     */
    private void canary(
            SampleEnvironment third, ServiceDiscovery discovery, Instances instances, Path samples, String ada)
            throws Exception {
        section(
                "A canary of user-service: 1.1.0 beside the running one, 20% of customers, judged by the front end's calls");
        UserService canary = UserService.start(third, 0);
        boolean crashed = false;
        try (ServiceClients clients = ServiceClients.builder(discovery)
                .contracts(ContractRegistry.load(samples.resolve("contracts")))
                .build()) {
            for (int i = 0;
                    i < 20;
                    i++) { // its first answers are slower (fresh threads): not part of the canary's record
                get(canary.uri().resolve("/users/" + ada + "/subscription"));
            }
            URI listed = URI.create(canary.uri() + "#track=canary&version=1.1.0");
            instances.add(UserService.NAME, listed);
            out.println("  discovery lists "
                    + discovery.serviceInstances(UserService.NAME).stream()
                            .map(i -> i.baseUrl().getPort() + " " + i.track()
                                    + i.version().map(v -> " " + v).orElse(""))
                            .collect(Collectors.joining(", ")));
            discovery.canary(UserService.NAME, ai.openclaw.sdk.discovery.CanarySplit.stickyPercent(20));
            CanaryCriteria criteria = CanaryCriteria.builder()
                    .duration(Duration.ofMillis(500))
                    .minRequests(20)
                    .maxLatencyRatio(3) // loopback latencies are mostly noise
                    .build();
            int failed = customers(clients, ada, 240);
            out.println("  240 calls of 60 customers (a routing key each), " + failed + " failed; the split sends"
                    + " 20% of customers to the canary (a watch of 500 ms, 20 calls a track, for the demo):");
            CanaryVerdict healthy = CanaryAnalysis.analyze(discovery.observe(UserService.NAME), criteria);
            healthy.toText().lines().forEach(l -> out.println("  " + l));

            discovery.canary(UserService.NAME, ai.openclaw.sdk.discovery.CanarySplit.stickyPercent(20));
            canary.close();
            crashed = true;
            out.println("  the canary crashes");
            failed = customers(clients, ada, 240);
            out.println("  240 calls of 60 customers, " + failed + " failed:");
            CanaryVerdict afterCrash = CanaryAnalysis.analyze(discovery.observe(UserService.NAME), criteria);
            afterCrash.toText().lines().forEach(l -> out.println("  " + l));
            if (afterCrash.decision() == CanaryVerdict.Decision.ROLLBACK) {
                discovery.canary(UserService.NAME, ai.openclaw.sdk.discovery.CanarySplit.NONE);
                instances.remove(UserService.NAME, listed);
                failed = customers(clients, ada, 60);
                out.println("  rolled back (share 0, the canary unlisted): 60 calls, " + failed + " failed");
            }
        } finally {
            if (!crashed) {
                canary.close();
            }
        }
    }

    /** {@code calls} calls of GET /users/{ada}/subscription from 60 customers in turn; how many failed. */
    private static int customers(ServiceClients clients, String ada, int calls) {
        int failed = 0;
        for (int i = 0; i < calls; i++) {
            try {
                clients.client(UserService.NAME)
                        .get("/users/{id}/subscription")
                        .pathVariable("id", ada)
                        .routingKey("customer-" + (i % 60))
                        .send(JsonNode.class);
            } catch (ClientException e) {
                failed++;
            }
        }
        return failed;
    }

    /** billing-service goes down: the front end's circuit opens; it comes back: the circuit closes. */
    private BillingService outage(
            SampleEnvironment env,
            ServiceClients front,
            BillingService billing,
            int port,
            Outbox outbox,
            String ada,
            UserService users,
            RedisTransport transport,
            String prefix)
            throws Exception {
        section("billing-service goes down; a user signs up meanwhile; the front end keeps asking billing");
        String subscription = billing.subscriptionsOf(ada).get(0).id();
        billing.close();
        out.println("  billing-service stopped");
        String graceId =
                signUp(front, "grace@example.com", "Grace Hopper").get("id").asText();
        out.println("  201 " + graceId + " created while billing is down");
        await("grace's welcome", Duration.ofSeconds(60), () -> outbox.sent().stream()
                .anyMatch(m -> m.to().equals("grace@example.com")));
        ServiceClient billingClient = front.client(BillingService.NAME);
        for (int i = 0; i < 4; i++) {
            out.println("  GET /subscriptions/" + subscription + " -> " + attempt(billingClient, subscription));
        }
        long asked = System.nanoTime();
        HttpResponse<String> unanswered = get(users.uri().resolve("/users/" + ada + "/subscription"));
        out.println("  GET user-service-1 /users/" + ada + "/subscription -> " + unanswered.statusCode() + " "
                + JSON.readTree(unanswered.body()).path("title").asText() + took(asked)
                + ": the question waits in its stream");
        section("billing-service is back on the same port; its consumer group resumes where it stopped");
        BillingService back = BillingService.start(env, port);
        await("grace's trial", Duration.ofSeconds(60), () -> !back.subscriptionsOf(graceId)
                .isEmpty());
        Subscription trial = back.subscriptionsOf(graceId).get(0);
        out.println("  billing-service: subscription " + trial.id() + " for " + graceId
                + ", from the user.created it missed while down");
        String questions = prefix + "subscription.inquiry_received";
        DeadLetters dlq = DeadLetters.of(transport);
        await("the stale question's dead letter", Duration.ofSeconds(60), () -> dlq.count(questions) > 0);
        out.println("  the question asked while it was down, no longer awaited, is not answered: "
                + dlq.streamOf(questions));
        out.println("    reason: " + dlq.list(questions, 1).get(0).reason());
        out.println("  (the circuit stays open 3 s: billing-calls in samples/.openclaw/resilience.properties)");
        Thread.sleep(3_100);
        out.println("  GET /subscriptions/" + trial.id() + " -> " + attempt(billingClient, trial.id()));
        out.println("  GET /subscriptions/" + trial.id() + " -> " + attempt(billingClient, trial.id()));
        return back;
    }

    /** {@code POST /users} as the front end sends it: through the SDK's client, checked against the contract. */
    private static JsonNode signUp(ServiceClients front, String email, String name) {
        return front.client(UserService.NAME)
                .post("/users")
                .body(Map.of("email", email, "name", name, "password", "correct horse"))
                .send(JsonNode.class);
    }

    private static String attempt(ServiceClient billing, String subscription) {
        long start = System.nanoTime();
        try {
            JsonNode s = billing.get("/subscriptions/{id}")
                    .pathVariable("id", subscription)
                    .send(JsonNode.class);
            return "200 " + s.get("status").asText() + took(start);
        } catch (ClientException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + took(start);
        }
    }

    private static String took(long start) {
        return String.format(" (%.0f ms)", (System.nanoTime() - start) / 1e6);
    }

    /** A user whose address refuses mail: the welcome fails on every delivery and lands in the dead-letter stream. */
    private void poison(
            ServiceClients front,
            Outbox outbox,
            RedisTransport transport,
            String prefix,
            BillingService billing,
            NotificationService notifications)
            throws InterruptedException {
        section("A poison event: a user whose mail server refuses mail; the welcome fails on every delivery");
        String id = signUp(front, "nobody@bounce.invalid", "Nobody").get("id").asText();
        out.println("  201 " + id + " nobody@bounce.invalid");
        String next = signUp(front, "lin@example.com", "Lin").get("id").asText();
        out.println("  201 " + next + " lin@example.com, right behind it");
        DeadLetters dlq = DeadLetters.of(transport);
        String stream = prefix + "user.created";
        await("the welcome behind the poison event", Duration.ofSeconds(60), () -> outbox.sent().stream()
                .anyMatch(m -> m.to().equals("lin@example.com")));
        boolean welcomedFirst = dlq.count(stream) == 0;
        await("the dead letter", Duration.ofSeconds(60), () -> dlq.count(stream) > 0);
        DeadLetter letter = dlq.list(stream, 10).get(0);
        out.println("  " + dlq.streamOf(stream) + " " + letter.id() + ": entry " + letter.originalId() + " of group "
                + letter.group() + " after " + letter.deliveries() + " deliveries");
        out.println("    reason: " + letter.reason());
        out.println("  the events behind it flowed: lin@example.com was welcomed "
                + (welcomedFirst ? "while the poison event was still being retried" : "meanwhile")
                + "; billing-service started trials for " + id + " and " + next + ": "
                + (!billing.subscriptionsOf(id).isEmpty()
                        && !billing.subscriptionsOf(next).isEmpty())
                + "; notification-service: "
                + notifications.subscriber().stats().processed() + " processed, "
                + notifications.subscriber().stats().deadLettered() + " dead-lettered");
        out.println("  replay it once the address is fixed: bin/openclaw events dlq replay --redis <url> --id "
                + letter.id() + (prefix.isEmpty() ? "" : " --prefix " + prefix) + " user.created");
    }

    /** notification-service again, as a Spring Boot application on the SDK's starter, in the plain one's place. */
    private void springBoot(
            Path samples,
            RedisServer redis,
            String prefix,
            ServiceClients front,
            NotificationService notifications,
            Outbox outbox)
            throws IOException, InterruptedException {
        section("notification-service on Spring Boot (samples/notification-service-spring) takes over the group");
        notifications.close();
        out.println("  the plain notification-service stopped; the same service starts as a Spring Boot 4 application");
        // the demo's own logging (slf4j-simple) stays as it is; Tomcat's and Spring's JUL lines stay quiet below
        // WARNING
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        for (String name : List.of("org.apache", "org.springframework")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIET.add(logger); // JUL holds its loggers weakly: keep the level set
        }
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = NotificationApplication.start(
                outbox,
                "--openclaw.redis.url=" + redis.uri(),
                "--openclaw.events.stream-prefix=" + prefix,
                "--openclaw.catalog="
                        + samples.resolve(".openclaw/services.yaml").toAbsolutePath(),
                "--openclaw.contracts=" + samples.resolve("contracts").toAbsolutePath(),
                "--spring.config.import=file:"
                        + samples.resolve(".openclaw/resilience.properties").toAbsolutePath())) {
            URI base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
            out.println("  notification-service  " + base + "   (Spring Boot, Actuator) started" + took(start));
            String id =
                    signUp(front, "mae@example.com", "Mae Jemison").get("id").asText();
            await("the welcome from Spring Boot", Duration.ofSeconds(60), () -> outbox.sent().stream()
                    .anyMatch(m -> m.to().equals("mae@example.com")));
            out.println("  201 " + id + " mae@example.com: welcomed by the @OpenClawEventHandler bean method");
            HttpResponse<String> readiness = get(base.resolve("/actuator/health/readiness"));
            JsonNode health = JSON.readTree(readiness.body());
            StringBuilder parts = new StringBuilder();
            health.path("components").properties().forEach(c -> {
                parts.append(parts.length() == 0 ? "" : ", ").append(c.getKey()).append('=');
                parts.append(c.getValue().path("status").asText());
                JsonNode details = c.getValue().path("details");
                if (c.getKey().startsWith("openclaw") && details.size() > 0) {
                    StringBuilder checks = new StringBuilder();
                    details.properties().forEach(d -> checks.append(checks.length() == 0 ? "" : ", ")
                            .append(d.getKey())
                            .append('=')
                            .append(d.getValue().path("status").asText()));
                    parts.append(" [").append(checks).append(']');
                }
            });
            out.println("  GET /actuator/health/readiness -> " + readiness.statusCode() + " "
                    + health.path("status").asText() + "  " + parts);
        }
        out.println("  Spring Boot notification-service stopped: its subscriber first, then the runtime");
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        java.util.stream.Stream.Builder<JsonNode> b = java.util.stream.Stream.builder();
        array.forEach(b::add);
        return b.build();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }
}
