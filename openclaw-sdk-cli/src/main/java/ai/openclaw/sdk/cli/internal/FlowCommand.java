package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.EventFlow;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code openclaw catalog flow EVENT_TYPE}. */
@Command(
        name = "flow",
        mixinStandardHelpOptions = true,
        description = {
            "What happens when EVENT_TYPE is published: who reacts, what they may publish in turn,",
            "and who reacts to that, transitively."
        })
final class FlowCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Parameters(paramLabel = "EVENT_TYPE", description = "The event type, such as user.deleted.")
    String event;

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        CatalogOptions.requireEventType(catalog, event);
        EventFlow flow = catalog.eventFlow(event);
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("event", event);
            Output.strings(root, "publishers", flow.publishers());
            ArrayNode reactions = root.putArray("reactions");
            for (EventFlow.Reaction r : flow.reactions()) {
                ObjectNode node = reactions.addObject();
                node.put("depth", r.depth());
                node.put("event", r.event());
                node.put("service", r.service());
                Output.strings(node, "mayPublish", r.mayPublish());
            }
            out.print(root);
            return ExitCode.OK;
        }
        out.line(event + published(flow.publishers()));
        if (flow.reactions().isEmpty()) {
            out.line("  no service reacts");
        }
        print(out, flow, event, 0, 1, new HashSet<>(Set.of(event)));
        return ExitCode.OK;
    }

    /** Draws the breadth-first reactions as a tree: each event under the first reaction that may publish it. */
    private static void print(Output out, EventFlow flow, String trigger, int depth, int indent, Set<String> drawn) {
        List<EventFlow.Reaction> here = new ArrayList<>();
        for (EventFlow.Reaction r : flow.reactions()) {
            if (r.depth() == depth && r.event().equals(trigger)) {
                here.add(r);
            }
        }
        String pad = "  ".repeat(indent);
        for (EventFlow.Reaction r : here) {
            out.line(pad + "-> " + r.service() + " reacts"
                    + (r.mayPublish().isEmpty() ? "" : ", may publish " + String.join(", ", r.mayPublish())));
            for (String next : r.mayPublish()) {
                boolean followed =
                        flow.reactions().stream().anyMatch(x -> x.event().equals(next) && x.depth() == depth + 1);
                if (followed && drawn.add(next)) {
                    out.line(pad + "   " + next);
                    print(out, flow, next, depth + 1, indent + 2, drawn);
                }
            }
        }
    }

    private static String published(List<String> publishers) {
        return publishers.isEmpty()
                ? " (no service in the catalog publishes it)"
                : " (published by " + String.join(", ", publishers) + ")";
    }
}
