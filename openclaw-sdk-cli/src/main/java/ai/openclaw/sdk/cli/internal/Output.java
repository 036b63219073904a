package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Collection;
import picocli.CommandLine;

/** Text or JSON output of one command. */
public final class Output {
    private static final ObjectMapper JSON = JsonMappers.standard().enable(SerializationFeature.INDENT_OUTPUT);

    /** The two output formats. */
    public enum Format {
        text,
        json
    }

    private final Format format;
    private final PrintWriter out;
    private final PrintWriter err;

    Output(Format format, CommandLine.Model.CommandSpec spec) {
        this.format = format;
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
    }

    public boolean json() {
        return format == Format.json;
    }

    public ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode strings(ObjectNode parent, String field, Collection<String> values) {
        ArrayNode array = parent.putArray(field);
        values.forEach(array::add);
        return array;
    }

    public void print(ObjectNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void line(String text) {
        out.println(text);
    }

    public void error(String text) {
        err.println(text);
    }
}
