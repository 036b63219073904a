package ai.openclaw.sdk.contract;

import java.util.Locale;

/**
 * The kinds of change between two JSON Schemas, each judged, as Confluent Schema Registry judges it, by whether a
 * reader on the new schema still accepts everything the old one accepted ({@link #isBackwardCompatible()}). FORWARD
 * compatibility is the same judgement with the two schemas swapped.
 *
 * <p>Content models decide what adding and removing a property means. In an <em>open</em> model ({@code
 * additionalProperties} absent or {@code true}) old data may already hold any property, with any value: adding a typed
 * property can reject it, so it is incompatible, while removing one is compatible. In a <em>closed</em> model ({@code
 * additionalProperties: false}) old data holds only declared properties: adding an optional one is compatible, removing
 * one is not. A <em>partially open</em> model ({@code patternProperties}, or an {@code additionalProperties} schema)
 * judges by whether that schema covers the property.
 */
public enum ChangeKind {
    ID_CHANGED(true),
    TITLE_CHANGED(true),
    DESCRIPTION_CHANGED(true),
    DEFAULT_CHANGED(true),

    TYPE_EXTENDED(true),
    TYPE_NARROWED(false),
    TYPE_CHANGED(false),

    ENUM_ADDED(false),
    ENUM_REMOVED(true),
    ENUM_EXTENDED(true),
    ENUM_NARROWED(false),
    ENUM_CHANGED(false),
    CONST_ADDED(false),
    CONST_REMOVED(true),
    CONST_CHANGED(false),

    /** A limit or constraint (maxLength, minimum, pattern, format, multipleOf, uniqueItems, ...) was added. */
    CONSTRAINT_ADDED(false),
    CONSTRAINT_REMOVED(true),
    /** A limit now allows more: a maximum raised, a minimum lowered, a multipleOf divided. */
    CONSTRAINT_RELAXED(true),
    /** A limit now allows less: a maximum lowered, a minimum raised. */
    CONSTRAINT_TIGHTENED(false),
    /** A constraint was replaced by one neither wider nor narrower (a different pattern or format). */
    CONSTRAINT_CHANGED(false),

    REQUIRED_ADDED(false),
    REQUIRED_WITH_DEFAULT_ADDED(true),
    REQUIRED_REMOVED(true),

    PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(false),
    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(true),
    OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL(true),
    REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL(false),
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_CLOSED_CONTENT_MODEL(true),
    PROPERTY_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true),
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false),
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(true),
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(false),
    PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(true),
    PROPERTY_REMOVED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true),
    /**
     * HTTP bodies only, where a new optional property of an open model is judged compatible (as oasdiff and
     * openapi-diff judge it): an optional property added.
     */
    OPTIONAL_PROPERTY_ADDED(true),
    /** HTTP bodies only: a required property added to an open model. */
    REQUIRED_PROPERTY_ADDED(false),
    /** HTTP bodies only: a required property with a default added to an open model. */
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED(true),
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false),

    /** The content model was opened: {@code additionalProperties} now allows any property. */
    ADDITIONAL_PROPERTIES_ALLOWED(true),
    /** The content model was closed: {@code additionalProperties: false}. */
    ADDITIONAL_PROPERTIES_FORBIDDEN(false),
    ADDITIONAL_PROPERTIES_EXTENDED(true),
    ADDITIONAL_PROPERTIES_NARROWED(false),

    DEPENDENT_REQUIRED_ADDED(false),
    DEPENDENT_REQUIRED_REMOVED(true),
    DEPENDENT_REQUIRED_EXTENDED(false),
    DEPENDENT_REQUIRED_NARROWED(true),
    DEPENDENT_REQUIRED_CHANGED(false),
    DEPENDENT_SCHEMA_ADDED(false),
    DEPENDENT_SCHEMA_REMOVED(true),

    ITEM_ADDED_TO_OPEN_CONTENT_MODEL(false),
    ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(true),
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(true),
    ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(true),
    ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(false),
    ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(true),
    ITEM_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true),
    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false),
    ITEM_REMOVED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true),
    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false),
    ADDITIONAL_ITEMS_ALLOWED(true),
    ADDITIONAL_ITEMS_FORBIDDEN(false),
    ADDITIONAL_ITEMS_EXTENDED(true),
    ADDITIONAL_ITEMS_NARROWED(false),
    CONTAINS_ADDED(false),
    CONTAINS_REMOVED(true),

    /** More alternatives in an anyOf / oneOf. */
    SUM_TYPE_EXTENDED(true),
    SUM_TYPE_NARROWED(false),
    /** More schemas in an allOf: more constraints. */
    PRODUCT_TYPE_EXTENDED(false),
    PRODUCT_TYPE_NARROWED(true),
    /** oneOf became anyOf. */
    COMBINED_TYPE_EXTENDED(true),
    COMBINED_TYPE_CHANGED(false),
    COMBINED_TYPE_SUBSCHEMAS_CHANGED(false),

    /**
     * OpenAPI request bodies: a property clients send became {@code readOnly}; the server now ignores (or refuses)
     * what they send.
     */
    PROPERTY_BECAME_READ_ONLY(false),
    /** OpenAPI: the discriminator's property name changed; payloads naming their schema by the old one break. */
    DISCRIMINATOR_PROPERTY_CHANGED(false),
    /** OpenAPI: a discriminator was added or removed (the members still say what validates). */
    DISCRIMINATOR_ADDED(true),
    DISCRIMINATOR_REMOVED(true),
    /** OpenAPI: the reader's discriminator mapping knows values the writer's did not. */
    DISCRIMINATOR_MAPPING_EXTENDED(true),
    /** OpenAPI: the writer may send a discriminator value the reader's mapping does not know. */
    DISCRIMINATOR_MAPPING_NARROWED(false),
    /** OpenAPI: a discriminator value now selects another schema. */
    DISCRIMINATOR_MAPPING_CHANGED(false),

    NOT_ADDED(false),
    NOT_REMOVED(true),
    NOT_TYPE_EXTENDED(false),
    NOT_TYPE_NARROWED(true);

    private final boolean backwardCompatible;

    ChangeKind(boolean backwardCompatible) {
        this.backwardCompatible = backwardCompatible;
    }

    /** Whether a reader on the new schema still accepts what the old one accepted, after this change. */
    public boolean isBackwardCompatible() {
        return backwardCompatible;
    }

    /** The kind in the form the command line prints: {@code property-added-to-open-content-model}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
