package io.sluice.master.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's refusals of a request body, said in the API's words: which field, what it was, what is
 * expected, and for malformed JSON the line and column. Jackson's own messages name Java classes
 * and its feature flags ({@code CatalogRequests$NewFolder}, {@code FAIL_ON_NULL_FOR_PRIMITIVES}),
 * which mean nothing to a caller of the API.
 *
 * <p>Only refusals pay for the detail: the body is read a second time, as a tree, to tell a missing
 * field from a null one and to say what was sent instead.
 */
final class BodyErrors {

  private static final String DOCS = "docs/rest-api.md lists each request's fields";

  /** Jackson's words for the offending token, when it names one. */
  private static final Pattern OFFENDING =
      Pattern.compile("(?:Unexpected character \\('|Unrecognized token ')(.{1,40}?)'");

  private BodyErrors() {}

  /** The body is not JSON at all (a parse error, or more after the JSON value). */
  static ApiException malformed(StreamReadException e) {
    String where = at(e.getLocation());
    if (e instanceof JsonEOFException) {
      return ApiException.badRequest(
          "the body ends before its JSON is complete" + where,
          "send one complete JSON object; " + DOCS);
    }
    Matcher offending = OFFENDING.matcher(String.valueOf(e.getOriginalMessage()));
    String what = offending.find() ? ": unexpected '" + offending.group(1) + "'" : "";
    return ApiException.badRequest(
        "the body is not valid JSON" + where + what,
        "check the JSON there (quotes around names and text, colons, commas, brackets); " + DOCS);
  }

  /** A field the request does not have. */
  static ApiException unknownField(UnrecognizedPropertyException e, Class<?> type) {
    return ApiException.badRequest(
        "unknown field '" + path(e) + "'",
        "the fields of this request are: " + String.join(", ", fields(type)) + "; " + DOCS);
  }

  /** A value of the wrong kind: null or missing where one is needed, text for a number, ... */
  static ApiException mismatch(MismatchedInputException e, byte[] body, Class<?> type) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (DatabindException trailing) {
      return ApiException.badRequest(
          "the body has more after its JSON object" + at(trailing.getLocation()),
          "send exactly one JSON object; " + DOCS);
    } catch (IOException unexpected) {
      tree = null;
    }
    String field = path(e);
    if (field.isEmpty()) {
      return ApiException.badRequest(
          "the body " + given(tree) + "; expected a JSON object",
          "send an object with the fields " + String.join(", ", fields(type)) + "; " + DOCS);
    }
    String expected = expected(e.getTargetType());
    return ApiException.badRequest(
        "field '" + field + "' " + given(at(tree, e.getPath())) + "; expected " + expected,
        "give '" + field + "' " + expected + "; " + DOCS);
  }

  /** The field's place in the body: {@code name}, {@code tags[2]}, {@code a.b}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The node the path leads to in the body; null if it is not there (or the tree is unknown). */
  private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> steps) {
    JsonNode node = tree;
    for (JsonMappingException.Reference step : steps) {
      if (node == null) {
        return null;
      }
      node =
          step.getFieldName() != null ? node.get(step.getFieldName()) : node.get(step.getIndex());
    }
    return node;
  }

  private static String given(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "is missing";
    }
    if (node.isNull()) {
      return "is null";
    }
    if (node.isTextual()) {
      String text = node.textValue();
      return "is the text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
    if (node.isNumber()) {
      return "is the number " + node.asText();
    }
    if (node.isBoolean()) {
      return "is " + node.asText();
    }
    return node.isArray() ? "is a list" : "is an object";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a value of another kind";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "text";
    }
    if (type == int.class
        || type == long.class
        || type == short.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class) {
      return "a whole number";
    }
    if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == UUID.class) {
      return "an id such as 3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b";
    }
    if (type.isEnum()) {
      return "one of "
          + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a time in ISO-8601 UTC, e.g. 2024-05-31T21:00:00Z";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "a value";
  }

  /** The JSON field names of a request body type. */
  private static List<String> fields(Class<?> type) {
    return Json.MAPPER
        .getDeserializationConfig()
        .introspect(Json.MAPPER.constructType(type))
        .findProperties()
        .stream()
        .filter(p -> p.hasConstructorParameter() || p.hasSetter() || p.hasField())
        .map(p -> p.getName())
        .toList();
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
