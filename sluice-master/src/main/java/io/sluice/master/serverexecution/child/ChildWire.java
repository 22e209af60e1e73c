package io.sluice.master.serverexecution.child;

import io.sluice.engine.runtime.RunResult;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.PropertyOverrideValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON lines between a master and its server-mode child, for both ends: a {@link ChildRequest}
 * on the child's stdin, then {@value #STOP}; {@link ChildLine}s on its stdout. Each value is one
 * line (line breaks inside strings are escaped).
 *
 * <p>Written by hand over {@link MiniJson}, not with Jackson's data binding: a child pays for every
 * class it loads before its package's first event, and binding records with Jackson cost a fresh
 * JVM some 600 ms of its start (docs/benchmarks.md, "Server-mode child start"); these few flat
 * shapes cost next to nothing this way.
 */
public final class ChildWire {

  /** What the master writes on the child's stdin after the request to stop the run. */
  public static final String STOP = "stop";

  private ChildWire() {}

  // --- the request ---

  public static String line(ChildRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("archive", r.archive());
    m.put("executionId", r.executionId());
    m.put("attempt", r.attempt());
    m.put("packageName", r.packageName());
    m.put("loggingLevel", r.loggingLevel());
    List<Object> parameters = new ArrayList<>();
    for (ParameterValue p : orEmpty(r.parameters())) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("objectType", p.objectType());
      v.put("name", p.name());
      v.put("dataType", p.dataType());
      v.put("sensitive", p.sensitive());
      v.put("value", p.value());
      parameters.add(v);
    }
    m.put("parameters", parameters);
    List<Object> overrides = new ArrayList<>();
    for (PropertyOverrideValue o : orEmpty(r.propertyOverrides())) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("path", o.path());
      v.put("value", o.value());
      v.put("sensitive", o.sensitive());
      overrides.add(v);
    }
    m.put("propertyOverrides", overrides);
    return MiniJson.write(m);
  }

  public static ChildRequest request(String line) {
    Fields f = Fields.of(MiniJson.parse(line));
    List<ParameterValue> parameters = new ArrayList<>();
    for (Fields p : f.objects("parameters")) {
      parameters.add(
          new ParameterValue(
              (int) p.number("objectType"),
              p.text("name"),
              p.text("dataType"),
              p.bool("sensitive"),
              p.text("value")));
    }
    List<PropertyOverrideValue> overrides = new ArrayList<>();
    for (Fields o : f.objects("propertyOverrides")) {
      overrides.add(
          new PropertyOverrideValue(o.text("path"), o.text("value"), o.bool("sensitive")));
    }
    return new ChildRequest(
        f.text("archive"),
        f.number("executionId"),
        (int) f.number("attempt"),
        f.text("packageName"),
        (int) f.number("loggingLevel"),
        parameters,
        overrides);
  }

  // --- the child's lines ---

  public static String line(ChildLine line) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (line.event() != null) {
      EventBatch.Event e = line.event();
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("timeMillis", e.timeMillis());
      v.put("messageType", e.messageType());
      v.put("packageName", e.packageName());
      v.put("sourceName", e.sourceName());
      v.put("executionPath", e.executionPath());
      v.put("subcomponent", e.subcomponent());
      v.put("message", e.message());
      v.put("code", e.code());
      v.put("threadId", e.threadId());
      m.put("event", v);
    } else if (line.executable() != null) {
      EventBatch.ExecutableStatistic s = line.executable();
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("packageName", s.packageName());
      v.put("executablePath", s.executablePath());
      v.put("startMillis", s.startMillis());
      v.put("endMillis", s.endMillis());
      v.put("result", s.result());
      v.put("resultValue", s.resultValue());
      m.put("executable", v);
    } else if (line.path() != null) {
      EventBatch.PathStatistic s = line.path();
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("packageName", s.packageName());
      v.put("taskName", s.taskName());
      v.put("pathName", s.pathName());
      v.put("sourceComponent", s.sourceComponent());
      v.put("destinationComponent", s.destinationComponent());
      v.put("rowsSent", s.rowsSent());
      v.put("timeMillis", s.timeMillis());
      m.put("path", v);
    } else if (line.result() != null) {
      ChildLine.Result r = line.result();
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("status", r.status().name());
      v.put("errorCount", r.errorCount());
      v.put("failure", r.failure());
      m.put("result", v);
    }
    return MiniJson.write(m);
  }

  /**
   * A line the child wrote.
   *
   * @throws IllegalArgumentException when it is not one (not JSON, or not of these shapes)
   */
  public static ChildLine childLine(String text) {
    Fields f = Fields.of(MiniJson.parse(text));
    Fields e = f.object("event");
    if (e != null) {
      return ChildLine.of(
          new EventBatch.Event(
              e.number("timeMillis"),
              (int) e.number("messageType"),
              e.text("packageName"),
              e.text("sourceName"),
              e.text("executionPath"),
              e.text("subcomponent"),
              e.text("message"),
              (int) e.number("code"),
              e.number("threadId")));
    }
    Fields x = f.object("executable");
    if (x != null) {
      return ChildLine.of(
          new EventBatch.ExecutableStatistic(
              x.text("packageName"),
              x.text("executablePath"),
              x.number("startMillis"),
              x.number("endMillis"),
              (int) x.number("result"),
              x.text("resultValue")));
    }
    Fields p = f.object("path");
    if (p != null) {
      return ChildLine.of(
          new EventBatch.PathStatistic(
              p.text("packageName"),
              p.text("taskName"),
              p.text("pathName"),
              p.text("sourceComponent"),
              p.text("destinationComponent"),
              p.number("rowsSent"),
              p.number("timeMillis")));
    }
    Fields r = f.object("result");
    if (r != null) {
      return ChildLine.of(
          new ChildLine.Result(
              RunResult.Status.valueOf(r.text("status")),
              (int) r.number("errorCount"),
              r.text("failure")));
    }
    throw new IllegalArgumentException("a line with neither event, statistic nor result");
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The members of one JSON object, read by type; a wrong type is an IllegalArgumentException. */
  private record Fields(Map<?, ?> members) {

    static Fields of(Object value) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return new Fields(map);
    }

    String text(String name) {
      Object v = members.get(name);
      if (v != null && !(v instanceof String)) {
        throw new IllegalArgumentException(name + " is not a string");
      }
      return (String) v;
    }

    long number(String name) {
      if (!(members.get(name) instanceof Long n)) {
        throw new IllegalArgumentException(name + " is not a whole number");
      }
      return n;
    }

    boolean bool(String name) {
      return Boolean.TRUE.equals(members.get(name));
    }

    Fields object(String name) {
      Object v = members.get(name);
      return v == null ? null : of(v);
    }

    List<Fields> objects(String name) {
      Object v = members.get(name);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        throw new IllegalArgumentException(name + " is not a list");
      }
      return list.stream().map(Fields::of).toList();
    }
  }
}
