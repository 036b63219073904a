package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.contract.ContractLoader;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.events.DeadLetter;
import ai.openclaw.sdk.events.DeadLetters;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.PublishException;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.transport.StreamEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openclaw events ...}: operating a live system's streams. */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Publish, inspect and recover events in Redis Streams.",
        subcommands = {
            EventsCommand.Publish.class,
            EventsCommand.Tail.class,
            EventsCommand.Pending.class,
            EventsCommand.Dlq.class
        })
public final class EventsCommand {
    private static final ObjectMapper JSON = JsonMappers.standard();

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish one event; prints its entry id.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        RedisOptions redis;

        @Mixin
        FormatOptions format;

        @Parameters(paramLabel = "EVENT_TYPE", description = "The event type.")
        String type;

        @Option(names = "--data", paramLabel = "JSON", required = true, description = "The payload, a JSON object.")
        String data;

        @Option(
                names = "--source",
                paramLabel = "SERVICE",
                defaultValue = "openclaw-cli",
                description = "The source. Default: ${DEFAULT-VALUE}.")
        String source;

        @Option(names = "--key", paramLabel = "KEY", description = "An ordering key.")
        String key;

        @Option(names = "--contracts", paramLabel = "DIR", description = "Validate against the newest contract in DIR.")
        Path contracts;

        @Override
        public Integer call() throws Exception {
            JsonNode payload;
            try {
                payload = JSON.readTree(data);
            } catch (Exception e) {
                throw new CliException(ExitCode.USAGE, "--data is not JSON");
            }
            try (RedisTransport transport = redis.connect()) {
                EventPublisher.Builder b =
                        EventPublisher.builder(source, transport).streamPrefix(redis.prefix);
                if (contracts != null) {
                    if (!Files.isDirectory(contracts)) {
                        throw new CliException(ExitCode.USAGE, "no contracts directory " + contracts);
                    }
                    ContractRegistry registry = ContractLoader.defaults().load(contracts);
                    b.contracts(registry);
                }
                String id;
                try {
                    id = b.build().publish(type, payload, key);
                } catch (PublishException | ai.openclaw.sdk.contract.ContractViolationException e) {
                    throw new CliException(ExitCode.FINDINGS, e.getMessage());
                }
                Output out = format.output();
                if (out.json()) {
                    out.print(out.object().put("stream", redis.stream(type)).put("id", id));
                } else {
                    out.line(id);
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "tail",
            mixinStandardHelpOptions = true,
            description = "The newest entries of an event type's stream.")
    static final class Tail implements Callable<Integer> {
        @Mixin
        RedisOptions redis;

        @Mixin
        FormatOptions format;

        @Parameters(paramLabel = "EVENT_TYPE", description = "The event type.")
        String type;

        @Option(
                names = "--count",
                paramLabel = "N",
                defaultValue = "10",
                description = "How many. Default: ${DEFAULT-VALUE}.")
        int count;

        @Override
        public Integer call() {
            try (RedisTransport transport = redis.connect()) {
                List<StreamEntry> entries = new ArrayList<>(transport.latest(redis.stream(type), count));
                Collections.reverse(entries);
                Output out = format.output();
                if (out.json()) {
                    ObjectNode root = out.object();
                    root.put("stream", redis.stream(type));
                    ArrayNode list = root.putArray("entries");
                    for (StreamEntry e : entries) {
                        ObjectNode node = list.addObject().put("id", e.id());
                        node.set("data", parse(e.data()));
                    }
                    out.print(root);
                } else if (entries.isEmpty()) {
                    out.line("no entries in " + redis.stream(type));
                } else {
                    entries.forEach(e -> out.line(e.id() + "  " + (e.data() == null ? "(no data field)" : e.data())));
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "pending",
            mixinStandardHelpOptions = true,
            description = "Entries a group has read and not acknowledged.")
    static final class Pending implements Callable<Integer> {
        @Mixin
        RedisOptions redis;

        @Mixin
        FormatOptions format;

        @Parameters(paramLabel = "EVENT_TYPE", description = "The event type.")
        String type;

        @Option(
                names = "--group",
                paramLabel = "SERVICE",
                required = true,
                description = "The consumer group (service).")
        String group;

        @Override
        public Integer call() {
            try (RedisTransport transport = redis.connect()) {
                String stream = redis.stream(type);
                long pending = transport.pending(stream, group);
                long length = transport.length(stream);
                long dead = DeadLetters.of(transport).count(stream);
                Output out = format.output();
                if (out.json()) {
                    out.print(out.object()
                            .put("stream", stream)
                            .put("group", group)
                            .put("pending", pending)
                            .put("length", length)
                            .put("deadLetters", dead));
                } else {
                    out.line(stream + " / " + group + ": " + pending + " pending, " + length + " in the stream, " + dead
                            + " dead letters");
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "dlq",
            mixinStandardHelpOptions = true,
            description = "Dead letters: list them, replay them.",
            subcommands = {Dlq.List.class, Dlq.Replay.class})
    static final class Dlq {
        @Command(
                name = "list",
                mixinStandardHelpOptions = true,
                description = "The oldest dead letters of an event type.")
        static final class List implements Callable<Integer> {
            @Mixin
            RedisOptions redis;

            @Mixin
            FormatOptions format;

            @Parameters(paramLabel = "EVENT_TYPE", description = "The event type.")
            String type;

            @Option(
                    names = "--limit",
                    paramLabel = "N",
                    defaultValue = "50",
                    description = "How many. Default: ${DEFAULT-VALUE}.")
            int limit;

            @Override
            public Integer call() {
                try (RedisTransport transport = redis.connect()) {
                    java.util.List<DeadLetter> letters =
                            DeadLetters.of(transport).list(redis.stream(type), limit);
                    Output out = format.output();
                    if (out.json()) {
                        ArrayNode list = out.object().arrayNode();
                        for (DeadLetter l : letters) {
                            list.addObject()
                                    .put("id", l.id())
                                    .put("originalId", l.originalId())
                                    .put("reason", l.reason())
                                    .put("group", l.group())
                                    .put("consumer", l.consumer())
                                    .put("deliveries", l.deliveries())
                                    .put("deadLetteredAt", l.deadLetteredAt().toString())
                                    .put("eventId", l.eventId().orElse(null))
                                    .put("data", l.data().orElse(null));
                        }
                        ObjectNode root = out.object().put("stream", redis.stream(type));
                        root.set("deadLetters", list);
                        out.print(root);
                    } else if (letters.isEmpty()) {
                        out.line("no dead letters for " + redis.stream(type));
                    } else {
                        letters.forEach(l -> out.line(l.id() + "  " + l.group() + "  deliveries " + l.deliveries()
                                + "  original " + l.originalId() + "  " + l.reason()));
                    }
                }
                return ExitCode.OK;
            }
        }

        @Command(
                name = "replay",
                mixinStandardHelpOptions = true,
                description = "Put dead letters back into their stream.")
        static final class Replay implements Callable<Integer> {
            @Mixin
            RedisOptions redis;

            @Mixin
            FormatOptions format;

            @Parameters(paramLabel = "EVENT_TYPE", description = "The event type.")
            String type;

            @ArgGroup(exclusive = true, multiplicity = "1")
            Which which;

            static final class Which {
                @Option(names = "--id", paramLabel = "ID", description = "One dead letter's id.")
                String id;

                @Option(names = "--all", description = "Every dead letter, oldest first, up to --limit.")
                boolean all;
            }

            @Option(
                    names = "--limit",
                    paramLabel = "N",
                    defaultValue = "1000",
                    description = "With --all. Default: ${DEFAULT-VALUE}.")
            int limit;

            @Override
            public Integer call() {
                try (RedisTransport transport = redis.connect()) {
                    DeadLetters.Replay r;
                    try {
                        r = DeadLetters.of(transport).replay(redis.stream(type), which.all ? null : which.id, limit);
                    } catch (IllegalArgumentException e) {
                        throw new CliException(ExitCode.USAGE, e.getMessage());
                    }
                    Output out = format.output();
                    if (out.json()) {
                        ObjectNode root = out.object().put("stream", redis.stream(type));
                        Output.strings(root, "replayed", r.replayed());
                        Output.strings(root, "skipped", r.skipped());
                        out.print(root);
                    } else {
                        r.replayed().forEach(id -> out.line("replayed as " + id));
                        r.skipped().forEach(s -> out.line("skipped " + s));
                        out.line(r.replayed().size() + " replayed, "
                                + r.skipped().size() + " skipped");
                    }
                }
                return ExitCode.OK;
            }
        }
    }

    private static JsonNode parse(String data) {
        if (data == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(data);
        }
    }
}
