package io.sluice.engine.expression;

import static io.sluice.engine.expression.Eval.compileError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.engine.type.DataType;
import org.junit.jupiter.api.Test;

class NamesAndSyntaxTest {

  private final SlotScope scope =
      SlotScope.builder()
          .variable("User", "Count", DataType.I4)
          .variable("MyNamespace", "Count", DataType.I4)
          .variable("User", "Sales$", DataType.I4)
          .variable("System", "MachineName", DataType.wstr(50))
          .parameter("$Project", "Server", DataType.wstr(100))
          .parameter("$Package", "BatchSize", DataType.I8)
          .column("Middle Name", DataType.wstr(30))
          .column("FlatFileSource.Age", DataType.I4)
          .column("ListPrice", DataType.CY)
          .build();

  private Object evaluate(String text, Object... values) {
    SlotValues row = scope.newValues(Eval.CLOCK);
    for (int i = 0; i < values.length; i++) {
      row.set(i, values[i]);
    }
    return Expression.compile(text, scope).evaluate(row);
  }

  @Test
  void qualifiedVariablesParametersAndColumns() {
    assertThat(evaluate("@[User::Count] > @[MyNamespace::Count]", 10, 2)).isEqualTo(true);
    assertThat(evaluate("@[Sales$] % 3", null, null, 10)).isEqualTo(1);
    assertThat(evaluate("LEN(@MachineName)", null, null, null, "WORKER-01")).isEqualTo(9);
    assertThat(evaluate("@[$Project::Server] + \"/db\"", null, null, null, null, "pg"))
        .isEqualTo("pg/db");
    assertThat(evaluate("@[$Package::BatchSize] * 2", null, null, null, null, null, 21L))
        .isEqualTo(42L);
    assertThat(evaluate("UPPER([Middle Name])", null, null, null, null, null, null, "ann"))
        .isEqualTo("ANN");
    assertThat(
            evaluate(
                "FlatFileSource.Age + [FlatFileSource].[Age]", 0, 0, 0, null, null, null, null, 20))
        .isEqualTo(40);
  }

  @Test
  void referencesAreListedOnce() {
    Expression e =
        Expression.compile("@[User::Count] + @[User::Count] + LEN([middle name])", scope);
    assertThat(e.references())
        .containsExactly(Reference.variable("User", "Count"), Reference.column("middle name"));
  }

  @Test
  void unknownNamesAreCompileErrors() {
    assertThatThrownBy(() -> Expression.compile("1 + @[User::Missing]", scope))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("The variable \"User::Missing\" was not found")
        .hasMessageContaining("at position 5");
    assertThatThrownBy(() -> Expression.compile("@[$Project::Nope]", scope))
        .hasMessageContaining("The parameter \"$Project::Nope\" was not found");
    assertThatThrownBy(() -> Expression.compile("Price * 2", scope))
        .hasMessageContaining("unrecognized token \"Price\"")
        .hasMessageContaining("\"@Price\"");
  }

  @Test
  void ambiguousUnqualifiedVariableNamesTheFix() {
    assertThatThrownBy(() -> Expression.compile("@Count > 1", scope))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("multiple variables with the name \"Count\"")
        .hasMessageContaining("@[Namespace::Count]")
        .hasMessageContaining("at position 1");
  }

  @Test
  void variableNamesAreCaseSensitive() {
    assertThatThrownBy(() -> Expression.compile("@[User::count]", scope))
        .hasMessageContaining("was not found");
  }

  @Test
  void aValueOfTheWrongJavaClassIsReportedAtEvaluation() {
    assertThatThrownBy(() -> evaluate("@[User::Count] + 1", 5L))
        .isInstanceOf(ExpressionEvaluationException.class)
        .hasMessageContaining("The value of @[User::Count] is a Long")
        .hasMessageContaining("DT_I4 is carried as Integer");
  }

  @Test
  void syntaxErrorsCarryThePosition() {
    ExpressionException e =
        catchThrowableOfType(
            ExpressionException.class,
            () -> Expression.compile("1 + * 2", ExpressionScope.empty()));
    assertThat(e.position()).isEqualTo(5);
    assertThat(e.expression()).isEqualTo("1 + * 2");
    assertThat(e.getMessage())
        .isEqualTo("The token \"*\" was not expected at position 5 in: 1 + * 2");
    compileError("(1 + 2")
        .hasMessageContaining("ended unexpectedly")
        .hasMessageContaining("position 7");
    compileError("1 = 2").hasMessageContaining("The token \"=\" was not expected at position 3");
    compileError("\"abc").hasMessageContaining("position 1");
    compileError("   ").hasMessageContaining("no expression");
    compileError("a\n + $").hasMessageContaining("The token \"$\" was not expected at position 6");
  }

  @Test
  void castsValidateTheirParameters() {
    compileError("(DT_WSTR,0)\"a\"").hasMessageContaining("length parameter");
    compileError("(DT_I4,2)1").hasMessageContaining("takes no parameters");
    compileError("(DT_DBDATE)TRUE")
        .hasMessageContaining(
            "Cannot cast expression \"TRUE\" from data type \"DT_BOOL\" to data type \"DT_DBDATE\"")
        .hasMessageContaining("at position 1");
  }
}
