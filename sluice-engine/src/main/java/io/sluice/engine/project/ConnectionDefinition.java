package io.sluice.engine.project;

import java.util.Map;

/**
 * A connection manager: a name, a type ({@code jdbc}, {@code flatFile}, {@code file}) and the
 * type's settings as written; the engine interprets the settings.
 *
 * @param expressions property expressions: setting name to SSIS expression, evaluated at run time
 */
public record ConnectionDefinition(
    String name,
    String type,
    String description,
    Map<String, Object> properties,
    Map<String, String> expressions,
    SourceLocation location) {}
