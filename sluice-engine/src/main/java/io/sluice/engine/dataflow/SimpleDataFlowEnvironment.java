package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.cache.CacheConnection;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.expression.EvaluationContext;
import io.sluice.engine.expression.ExpressionScope;
import io.sluice.engine.expression.Reference;
import io.sluice.engine.expression.SlotScope;
import io.sluice.engine.expression.SlotValues;
import io.sluice.engine.runtime.library.JdbcDrivers;
import io.sluice.engine.type.DataType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A self-contained {@link DataFlowEnvironment} for tests, benchmarks and embedding: connections and
 * variables given up front, variables written into a map.
 */
public final class SimpleDataFlowEnvironment implements DataFlowEnvironment {

  private final Builder b;
  private final SlotScope scope;
  private final SlotValues values;
  private final Map<String, Object> written = new ConcurrentHashMap<>();

  private SimpleDataFlowEnvironment(Builder b) {
    this.b = b;
    SlotScope.Builder scope = SlotScope.builder();
    b.variables.forEach(
        (name, v) -> {
          String[] parts = name.split("::", 2);
          if (parts[0].startsWith("$")) {
            scope.parameter(parts[0], parts[1], v.type);
          } else {
            scope.variable(parts[0], parts[1], v.type);
          }
        });
    this.scope = scope.build();
    this.values = this.scope.newValues(b.clock);
    b.variables.forEach(
        (name, v) -> {
          String[] parts = name.split("::", 2);
          Reference ref =
              parts[0].startsWith("$")
                  ? Reference.parameter(parts[0], parts[1])
                  : Reference.variable(parts[0], parts[1]);
          values.set(ref, v.value);
          written.put(name, v.value == null ? NULL : v.value);
        });
  }

  private static final Object NULL = new Object();

  public static Builder builder() {
    return new Builder();
  }

  /** A variable's value after the run (e.g. a Row Count), null when NULL. */
  public Object variable(String qualifiedName) {
    Object v = written.get(qualifiedName);
    return v == NULL ? null : v;
  }

  @Override
  public String packageName() {
    return b.packageName;
  }

  @Override
  public String executionPath() {
    return b.executionPath;
  }

  @Override
  public EventSink events() {
    return b.events;
  }

  @Override
  public Optional<JdbcConnector> jdbc(String connectionName) {
    return Optional.ofNullable(b.jdbc.get(connectionName));
  }

  @Override
  public Optional<FlatFileConnection> flatFile(String connectionName) {
    return Optional.ofNullable(b.flatFiles.get(connectionName));
  }

  @Override
  public Optional<Path> file(String connectionName) {
    return Optional.ofNullable(b.files.get(connectionName));
  }

  @Override
  public Optional<CacheConnection> cache(String connectionName) {
    return Optional.ofNullable(b.caches.get(connectionName));
  }

  @Override
  public ExpressionScope variableScope() {
    return scope;
  }

  @Override
  public EvaluationContext variableValues() {
    return values;
  }

  @Override
  public boolean isWritableVariable(String qualifiedName) {
    return (b.variables.containsKey(qualifiedName) && !qualifiedName.startsWith("$"))
        || b.objectVariables.contains(qualifiedName);
  }

  @Override
  public void setVariable(String qualifiedName, Object value) {
    if (!isWritableVariable(qualifiedName)) {
      throw new IllegalArgumentException("variable " + qualifiedName + " does not exist");
    }
    written.put(qualifiedName, value == null ? NULL : value);
  }

  @Override
  public Path tempDirectory() {
    return b.tempDirectory;
  }

  @Override
  public long memoryBudgetBytes() {
    return b.memoryBudget;
  }

  @Override
  public CancellationCheck cancellation() {
    return b.cancellation;
  }

  @Override
  public Clock clock() {
    return b.clock;
  }

  private record Variable(DataType type, Object value) {}

  public static final class Builder {
    private String packageName = "Package";
    private String executionPath = "\\Package\\Data Flow Task";
    private EventSink events = event -> {};
    private final Map<String, JdbcConnector> jdbc = new LinkedHashMap<>();
    private final Map<String, FlatFileConnection> flatFiles = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, CacheConnection> caches = new LinkedHashMap<>();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Set<String> objectVariables = new HashSet<>();
    private Path tempDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    private long memoryBudget = Runtime.getRuntime().maxMemory() / 4;
    private CancellationCheck cancellation = CancellationCheck.never();
    private Clock clock = Clock.systemDefaultZone();

    public Builder packageName(String name) {
      this.packageName = name;
      this.executionPath = "\\" + name + "\\Data Flow Task";
      return this;
    }

    public Builder executionPath(String path) {
      this.executionPath = path;
      return this;
    }

    public Builder events(EventSink sink) {
      this.events = sink;
      return this;
    }

    public Builder jdbc(String name, JdbcConnector connector) {
      jdbc.put(name, connector);
      return this;
    }

    public Builder jdbc(String name, String url, String user, String password) {
      Properties info = new Properties();
      if (user != null) {
        info.setProperty("user", user);
      }
      if (password != null) {
        info.setProperty("password", password);
      }
      return jdbc(name, () -> JdbcDrivers.ofCurrentThread().connect(url, info));
    }

    public Builder flatFile(String name, Path path, Map<String, Object> settings) {
      flatFiles.put(name, new FlatFileConnection(path, settings));
      return this;
    }

    /** A cache connection; the same object serves every flow planned with this environment. */
    public Builder cache(CacheConnection cache) {
      caches.put(cache.name(), cache);
      return this;
    }

    public Builder file(String name, Path path) {
      files.put(name, path);
      return this;
    }

    /** A variable {@code User::Name} or parameter {@code $Package::Name} with its value. */
    public Builder variable(String qualifiedName, DataType type, Object value) {
      if (!qualifiedName.contains("::")) {
        throw new IllegalArgumentException("write variables as Namespace::Name");
      }
      variables.put(qualifiedName, new Variable(type, value));
      return this;
    }

    /**
     * A variable holding an object such as a recordset (SSIS's Object type); expressions cannot
     * read it, so it stays out of {@link #variableScope()}.
     */
    public Builder objectVariable(String qualifiedName) {
      objectVariables.add(qualifiedName);
      return this;
    }

    public Builder tempDirectory(Path directory) {
      this.tempDirectory = directory;
      return this;
    }

    public Builder memoryBudget(long bytes) {
      this.memoryBudget = bytes;
      return this;
    }

    public Builder cancellation(CancellationCheck check) {
      this.cancellation = check;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public SimpleDataFlowEnvironment build() {
      return new SimpleDataFlowEnvironment(this);
    }
  }
}
