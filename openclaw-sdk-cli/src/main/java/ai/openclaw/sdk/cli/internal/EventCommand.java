package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code openclaw catalog event EVENT_TYPE}. */
@Command(
        name = "event",
        mixinStandardHelpOptions = true,
        description = "The services that publish and that subscribe to EVENT_TYPE.")
final class EventCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Parameters(paramLabel = "EVENT_TYPE", description = "The event type, such as user.created.")
    String event;

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        CatalogOptions.requireEventType(catalog, event);
        List<String> publishers = catalog.publishersOf(event);
        List<String> subscribers = catalog.subscribersOf(event);
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("event", event);
            Output.strings(root, "publishers", publishers);
            Output.strings(root, "subscribers", subscribers);
            out.print(root);
        } else {
            out.line(event);
            out.line("  publishers:  " + (publishers.isEmpty() ? "-" : String.join(", ", publishers)));
            out.line("  subscribers: " + (subscribers.isEmpty() ? "-" : String.join(", ", subscribers)));
        }
        return ExitCode.OK;
    }
}
