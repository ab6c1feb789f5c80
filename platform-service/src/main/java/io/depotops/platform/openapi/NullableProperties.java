package io.depotops.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Marks properties of named schemas as nullable ({@code "null"} added to their type, OpenAPI 3.1)
 * in a service's OpenAPI document. For records the REST API returns as they are from the domain,
 * which stays plain Java without OpenAPI annotations; views of the adapters use {@code
 * @Schema(nullable = true)} instead. A service extends it with its schemas and registers the
 * subclass with {@code mp.openapi.filter}.
 */
public abstract class NullableProperties implements OASFilter {

    private final Map<String, List<String>> nullable;

    /** @param nullable schema name (the record's simple name) to the properties that may be null */
    protected NullableProperties(Map<String, List<String>> nullable) {
        this.nullable = Map.copyOf(nullable);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        nullable.forEach((name, properties) -> {
            Schema schema = openAPI.getComponents().getSchemas().get(name);
            if (schema == null || schema.getProperties() == null) {
                throw new IllegalStateException("No schema " + name + " with properties in the OpenAPI document");
            }
            for (String property : properties) {
                Schema field = schema.getProperties().get(property);
                if (field == null) {
                    throw new IllegalStateException("No property " + name + "." + property);
                }
                if (field.getRef() != null) {
                    // A reference cannot carry a type of its own: either the referenced schema or null.
                    schema.addProperty(
                            property,
                            OASFactory.createSchema()
                                    .addAnyOf(OASFactory.createSchema().ref(field.getRef()))
                                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
                } else if (field.getType() == null) {
                    throw new IllegalStateException("No type for " + name + "." + property);
                } else if (!field.getType().contains(Schema.SchemaType.NULL)) {
                    field.addType(Schema.SchemaType.NULL);
                }
            }
        });
    }
}
