package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.destination.flatfile.FlatFileDestinationType;
import io.sluice.engine.dataflow.destination.jdbc.JdbcDestinationType;
import io.sluice.engine.dataflow.destination.memory.DiscardDestinationType;
import io.sluice.engine.dataflow.destination.memory.RecordsetDestinationType;
import io.sluice.engine.dataflow.destination.memory.RowCountType;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.source.flatfile.FlatFileSourceType;
import io.sluice.engine.dataflow.source.jdbc.JdbcSourceType;
import io.sluice.engine.dataflow.transform.aggregate.AggregateType;
import io.sluice.engine.dataflow.transform.join.MergeJoinType;
import io.sluice.engine.dataflow.transform.join.MergeType;
import io.sluice.engine.dataflow.transform.lookup.LookupType;
import io.sluice.engine.dataflow.transform.row.CopyColumnType;
import io.sluice.engine.dataflow.transform.row.DataConversionType;
import io.sluice.engine.dataflow.transform.row.DerivedColumnType;
import io.sluice.engine.dataflow.transform.sort.SortType;
import io.sluice.engine.dataflow.transform.split.ConditionalSplitType;
import io.sluice.engine.dataflow.transform.split.MulticastType;
import io.sluice.engine.dataflow.transform.split.UnionAllType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The component types a data flow may use, by their YAML type name (case-insensitive). */
public final class ComponentRegistry {

  private final Map<String, ComponentType> types;

  private ComponentRegistry(Map<String, ComponentType> types) {
    this.types = types;
  }

  /** Every built-in component. */
  public static ComponentRegistry standard() {
    return new ComponentRegistry(new LinkedHashMap<>())
        .with(new FlatFileSourceType())
        .with(new JdbcSourceType())
        .with(new DerivedColumnType())
        .with(new DataConversionType())
        .with(new CopyColumnType())
        .with(new ConditionalSplitType())
        .with(new MulticastType())
        .with(new UnionAllType())
        .with(new LookupType())
        .with(new MergeType())
        .with(new MergeJoinType())
        .with(new SortType())
        .with(new AggregateType())
        .with(new RowCountType())
        .with(new RecordsetDestinationType())
        .with(new JdbcDestinationType())
        .with(new FlatFileDestinationType())
        .with(new DiscardDestinationType());
  }

  /** A registry with one more type (or a replacement for one of the same name). */
  public ComponentRegistry with(ComponentType type) {
    Map<String, ComponentType> more = new LinkedHashMap<>(types);
    more.put(type.name().toLowerCase(Locale.ROOT), type);
    return new ComponentRegistry(more);
  }

  public Optional<ComponentType> find(String name) {
    return Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    types.values().forEach(t -> names.add(t.name()));
    return names;
  }
}
