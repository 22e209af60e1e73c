package io.sluice.engine.runtime.expression;

import io.sluice.engine.expression.Binding;
import io.sluice.engine.expression.ExpressionScope;
import io.sluice.engine.expression.Reference;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.VariableType;
import io.sluice.engine.runtime.variable.Variables;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The variables and parameters of a run as an {@link ExpressionScope}: each one an expression names
 * gets a slot, typed from the variable's declared type; {@link #value} reads its current value in
 * whatever scope evaluates. Control-flow expressions and data flows both bind variables this way,
 * so a variable has the same expression type everywhere. Columns are left to the caller's scope.
 */
public final class VariableSlots implements ExpressionScope {

  private final Variables scope;
  private final boolean sensitiveResult;
  private final List<String> names = new ArrayList<>();

  /**
   * Slots for an expression whose result is not sensitive: it may not read sensitive parameters.
   */
  public VariableSlots(Variables scope) {
    this(scope, false);
  }

  private VariableSlots(Variables scope, boolean sensitiveResult) {
    this.scope = scope;
    this.sensitiveResult = sensitiveResult;
  }

  /**
   * Slots for an expression whose result is itself sensitive (a jdbc connection's password): it may
   * read sensitive parameters.
   */
  public static VariableSlots forSensitiveResult(Variables scope) {
    return new VariableSlots(scope, true);
  }

  @Override
  public synchronized Optional<Binding> resolve(Reference reference) {
    if (reference.kind() == Reference.Kind.COLUMN) {
      return Optional.empty();
    }
    Optional<Variable> found;
    try {
      found = scope.find(reference.qualifiedName());
    } catch (VariableException ambiguous) {
      throw new IllegalArgumentException(ambiguous.getMessage());
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Variable v = found.get();
    if (v.sensitive() && !sensitiveResult) {
      throw new IllegalArgumentException(notSensitive(v));
    }
    DataType type = dataType(v);
    int slot = names.indexOf(v.qualifiedName());
    if (slot < 0) {
      names.add(v.qualifiedName());
      slot = names.size() - 1;
    }
    return Optional.of(new Binding(slot, type));
  }

  /** The qualified variable names of the slots handed out so far, by slot. */
  public synchronized List<String> names() {
    return List.copyOf(names);
  }

  /**
   * SSIS's DTS_E_EXPRSENSITIVEPARAMVALUENOTALLOWED, raised when a run compiles an expression whose
   * result is not sensitive but that reads a sensitive parameter (the project parser refuses the
   * same at validation; this catches what only resolves at run time). Names the parameter, never
   * its value.
   */
  static String notSensitive(Variable v) {
    return "The expression will not be evaluated because it contains sensitive parameter "
        + v.qualifiedName()
        + ", and its result is not sensitive";
  }

  /** The current value of a slot's variable as seen from {@code in}. */
  public Object value(int slot, Variables in) {
    String name;
    synchronized (this) {
      name = names.get(slot);
    }
    return read(name, in, sensitiveResult);
  }

  /** Whether the expression may read sensitive parameters (its result is sensitive). */
  boolean sensitiveResult() {
    return sensitiveResult;
  }

  /** A variable's value in the Java class of its expression type. */
  static Object read(String qualifiedName, Variables in, boolean sensitiveResult) {
    Object value = sensitiveResult ? in.sensitiveValue(qualifiedName) : in.get(qualifiedName);
    // Char variables hold text; everything else is already the slot's Java class
    return in.require(qualifiedName).type() == VariableType.CHAR ? String.valueOf(value) : value;
  }

  /** The expression type of a variable, as SSIS maps variable types to DT_ types. */
  public static DataType dataType(Variable v) {
    return switch (v.type()) {
      case BOOLEAN -> DataType.BOOL;
      case BYTE -> DataType.UI1;
      case SBYTE -> DataType.I1;
      case INT16 -> DataType.I2;
      case INT32 -> DataType.I4;
      case INT64 -> DataType.I8;
      case UINT32 -> DataType.UI4;
      case UINT64 -> DataType.UI8;
      case SINGLE -> DataType.R4;
      case DOUBLE -> DataType.R8;
      case DECIMAL -> DataType.decimal(10);
      case DATE_TIME -> DataType.DATE;
      case STRING, CHAR -> DataType.wstr(4000);
      case OBJECT, DB_NULL ->
          throw new IllegalArgumentException(
              "variable "
                  + v.qualifiedName()
                  + " is of type "
                  + v.type()
                  + ", which expressions cannot use");
    };
  }
}
