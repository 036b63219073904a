package ai.openclaw.sdk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One contract file read on its own, as {@code openclaw contracts diff OLD NEW} reads them: a JSON Schema, or an
 * OpenAPI document.
 *
 * <pre>{@code
 * ContractFile file = ContractLoader.defaults().read(Path.of("v2.json")).resultOrThrow();
 * if (file instanceof ContractFile.Schema s) { ... } else if (file instanceof ContractFile.OpenApi o) { ... }
 * }</pre>
 */
public sealed interface ContractFile permits ContractFile.Schema, ContractFile.OpenApi {
    /** The file. */
    Path file();

    /**
     * A JSON Schema, checked against the meta-schema.
     *
     * @param file the file
     * @param schema the schema
     */
    record Schema(Path file, JsonNode schema) implements ContractFile {}

    /**
     * An OpenAPI 3.0 or 3.1 document.
     *
     * @param file the file
     * @param contract the document as an HTTP contract, named after the file
     */
    record OpenApi(Path file, HttpContract contract) implements ContractFile {}
}
