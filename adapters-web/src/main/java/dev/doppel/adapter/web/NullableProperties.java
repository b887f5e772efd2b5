package dev.doppel.adapter.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * The API's records write an absent optional value as {@code null} (a model's {@code startedAt}
 * before it starts, a column's {@code datetimeFormat} when it is no datetime) and read {@code null}
 * as absent. So every property of a reference type may be null, except the required ones.
 */
@Component
public class NullableProperties implements PropertyCustomizer, OpenApiCustomizer {
  private static final String NULL = "null";

  @Override
  public Schema customize(Schema property, AnnotatedType type) {
    JavaType javaType = Json.mapper().constructType(type.getType());
    if (javaType.isPrimitive()) {
      return property;
    }
    if (property.get$ref() != null) {
      // OpenAPI 3.1: a reference that may be null is any of the reference or null.
      property.anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of(NULL))));
      property.set$ref(null);
    } else if (property.getTypes() != null) {
      property.addType(NULL);
    } else if (property.getType() != null) {
      property.types(new LinkedHashSet<>(List.of(property.getType(), NULL)));
    }
    return property;
  }

  /** A required property is never null; the property customizer cannot see which are required. */
  @Override
  public void customise(OpenAPI openApi) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    if (schemas == null) {
      return;
    }
    for (Schema<?> schema : schemas.values()) {
      if (schema.getRequired() == null || schema.getProperties() == null) {
        continue;
      }
      for (String name : schema.getRequired()) {
        Schema<?> property = schema.getProperties().get(name);
        if (property == null) {
          continue;
        }
        if (property.getTypes() != null) {
          property.getTypes().remove(NULL);
        }
        if (property.getAnyOf() != null && property.getAnyOf().size() == 2) {
          property.set$ref(property.getAnyOf().get(0).get$ref());
          property.setAnyOf(null);
        }
      }
    }
  }
}
