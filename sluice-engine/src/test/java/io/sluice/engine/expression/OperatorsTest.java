package io.sluice.engine.expression;

import static io.sluice.engine.expression.Eval.compileError;
import static io.sluice.engine.expression.Eval.eval;
import static io.sluice.engine.expression.Eval.evalError;
import static io.sluice.engine.expression.Eval.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OperatorsTest {

  @Test
  void arithmeticOnIntegers() {
    assertThat(eval("25 / 5")).isEqualTo(5);
    assertThat(eval("7 / 2")).isEqualTo(3);
    assertThat(eval("-7 / 2")).isEqualTo(-3);
    assertThat(eval("42 % 13")).isEqualTo(3);
    assertThat(eval("2 + 3 * 4")).isEqualTo(14);
    assertThat(eval("(2 + 3) * 4")).isEqualTo(20);
    assertThat(eval("10 - 4 - 3")).isEqualTo(3);
  }

  @Test
  void integerPromotionFollowsTheSsisTable() {
    assertThat(typeOf("(DT_I2)1 + (DT_I4)1")).isEqualTo(DataType.I4);
    assertThat(typeOf("(DT_I1)1 + (DT_UI1)1")).isEqualTo(DataType.I2);
    assertThat(typeOf("(DT_I4)1 + (DT_UI4)1")).isEqualTo(DataType.I8);
    assertThat(typeOf("(DT_UI1)1 + (DT_UI2)1")).isEqualTo(DataType.UI2);
    assertThat(typeOf("1 + 2.5E0")).isEqualTo(DataType.R8);
    assertThat(typeOf("(DT_I2)1 + (DT_R4)1")).isEqualTo(DataType.R4);
    assertThat(typeOf("(DT_I4)1 + (DT_R4)1")).isEqualTo(DataType.R8);
    assertThat(typeOf("(DT_CY)1 + 1")).isEqualTo(DataType.CY);
    assertThat(eval("(DT_I2)1 + (DT_I4)1")).isEqualTo(2);
  }

  @Test
  void ui8WithASignedIntegerNeedsAnExplicitCast() {
    compileError("1ul + 1")
        .hasMessageContaining(
            "The data types \"DT_UI8\" and \"DT_I4\" are incompatible for binary operator \"+\"")
        .hasMessageContaining("at position 5");
  }

  @Test
  void numericArithmeticKeepsScale() {
    assertThat(eval("1.25 + 2.5")).isEqualTo(new BigDecimal("3.75"));
    assertThat(typeOf("1.25 + 2.5")).isEqualTo(DataType.numeric(4, 2));
    assertThat(eval("1.5 * 2")).isEqualTo(new BigDecimal("3.0"));
    assertThat(eval("23.75 * 4")).isEqualTo(new BigDecimal("95.00"));
    assertThat(eval("1.0 / 3")).isEqualTo(new BigDecimal("0.333333333333"));
    assertThat(eval("(DT_DECIMAL,2)1 + (DT_DECIMAL,2)2")).isEqualTo(new BigDecimal("3.00"));
    assertThat(typeOf("(DT_DECIMAL,2)1 + (DT_DECIMAL,2)2").kind())
        .isEqualTo(DataType.Kind.DT_NUMERIC);
  }

  @Test
  void conditionalExampleWithCurrency() {
    SlotScope scope = SlotScope.builder().column("ListPrice", DataType.CY).build();
    Expression e =
        Expression.compile("ListPrice < 350.00 ? ListPrice * .2 : ListPrice * .1", scope);
    SlotValues row = scope.newValues(Eval.CLOCK).set(0, new BigDecimal("100.0000"));
    assertThat(((BigDecimal) e.evaluate(row)).compareTo(new BigDecimal("20"))).isZero();
    row.set(0, new BigDecimal("400.0000"));
    assertThat(((BigDecimal) e.evaluate(row)).compareTo(new BigDecimal("40"))).isZero();
  }

  @Test
  void integerOverflowIsAnEvaluationError() {
    evalError("2147483647 + 1")
        .hasMessageContaining(
            "The result of the binary operation \"+\" exceeds the maximum size for result data"
                + " type \"DT_I4\"")
        .hasMessageContaining("operator \"+\" at position 12");
    evalError("(DT_UI1)200 + (DT_UI1)100").hasMessageContaining("DT_UI1");
    evalError("(DT_I2)-32768 * (DT_I2)-1").hasMessageContaining("\"*\"");
    assertThat(eval("2147483647L + 1")).isEqualTo(2147483648L);
  }

  @Test
  void divideAndModuloByZeroAreEvaluationErrors() {
    evalError("1 / 0").hasMessageContaining("A divide-by-zero error occurred");
    evalError("1 % 0").hasMessageContaining("operator \"%\"");
    evalError("1.5 / 0").hasMessageContaining("divide-by-zero");
    evalError("1.5E0 / 0").hasMessageContaining("divide-by-zero");
  }

  @Test
  void moduloNeedsIntegers() {
    compileError("5.5 % 2")
        .hasMessageContaining(
            "The data type \"DT_NUMERIC\" cannot be used with binary operator \"%\"");
  }

  @Test
  void nullPropagatesThroughArithmetic() {
    assertThat(eval("NULL(DT_I4) + 1")).isNull();
    assertThat(eval("1 * NULL(DT_I4)")).isNull();
    assertThat(eval("NULL(DT_I4) / 0")).isNull();
    assertThat(eval("-NULL(DT_R8)")).isNull();
  }

  @Test
  void concatenationOnlyJoinsStrings() {
    assertThat(eval("\"Order \" + \"42\"")).isEqualTo("Order 42");
    assertThat(typeOf("\"ab\" + \"cde\"")).isEqualTo(DataType.wstr(5));
    assertThat(eval("\"a\" + NULL(DT_WSTR,5)")).isNull();
    compileError("\"Total: \" + 5")
        .hasMessage(
            "The data types \"DT_WSTR\" and \"DT_I4\" are incompatible for binary operator \"+\""
                + " (cast one or both operands explicitly) at position 11 in: \"Total: \" + 5");
    assertThat(eval("\"Total: \" + (DT_WSTR,10)5")).isEqualTo("Total: 5");
  }

  @Test
  void comparisonsOfNumbersStringsDatesBooleans() {
    assertThat(eval("1 < 2")).isEqualTo(true);
    assertThat(eval("2 <= 2")).isEqualTo(true);
    assertThat(eval("3 > 2.5")).isEqualTo(true);
    assertThat(eval("3 >= 3.5E0")).isEqualTo(false);
    assertThat(eval("500 == 500.00")).isEqualTo(true);
    assertThat(eval("1 != 1")).isEqualTo(false);
    assertThat(eval("\"abc\" == \"abc\"")).isEqualTo(true);
    assertThat(eval("\"abc\" == \"ABC\"")).isEqualTo(false);
    assertThat(eval("\"abc\" < \"abd\"")).isEqualTo(true);
    assertThat(eval("TRUE == TRUE")).isEqualTo(true);
    assertThat(eval("(DT_DBDATE)\"2024-01-02\" > (DT_DBTIMESTAMP)\"2024-01-01 23:00:00\""))
        .isEqualTo(true);
    assertThat(eval("(DT_DBDATE)\"2024-03-15\" == (DT_DBTIMESTAMP)\"2024-03-15\"")).isEqualTo(true);
  }

  @Test
  void dateComparisonsFollowTheSsisDocExample() {
    assertThat(
            eval(
                "(DT_DBTIMESTAMPOFFSET,3) \"1999-10-11 20:34:52.123 -3:30\""
                    + " != (DT_DBDATE)\"1999-10-12\""))
        .isEqualTo(true);
    // 20:34 at -03:30 is 00:04 UTC the next day.
    assertThat(
            eval(
                "(DT_DBTIMESTAMPOFFSET,3) \"1999-10-11 20:34:52.123 -3:30\""
                    + " > (DT_DBDATE)\"1999-10-12\""))
        .isEqualTo(true);
  }

  @Test
  void aDateStringComparesWithADate() {
    assertThat(eval("\"3/15/2024 11:20:30.123\" == GETDATE()")).isEqualTo(true);
  }

  @Test
  void comparisonTypeErrors() {
    compileError("1 == \"1\"").hasMessageContaining("incompatible for binary operator \"==\"");
    compileError("TRUE < FALSE")
        .hasMessageContaining(
            "The data type \"DT_BOOL\" cannot be used with binary operator \"<\"");
    compileError("(DT_DBTIME)\"10:00:00\" == (DT_DBDATE)\"2024-01-01\"")
        .hasMessageContaining("incompatible");
  }

  @Test
  void comparisonWithNullIsNull() {
    assertThat(eval("NULL(DT_I4) == 1")).isNull();
    assertThat(eval("NULL(DT_WSTR,1) == NULL(DT_WSTR,1)")).isNull();
  }

  @Test
  void logicalAndFollowsTheSsisTruthTable() {
    assertThat(eval("TRUE && TRUE")).isEqualTo(true);
    assertThat(eval("TRUE && FALSE")).isEqualTo(false);
    assertThat(eval("FALSE && FALSE")).isEqualTo(false);
    assertThat(eval("NULL(DT_BOOL) && NULL(DT_BOOL)")).isNull();
    assertThat(eval("NULL(DT_BOOL) && TRUE")).isNull();
    assertThat(eval("NULL(DT_BOOL) && FALSE")).isEqualTo(false);
    assertThat(eval("FALSE && NULL(DT_BOOL)")).isEqualTo(false);
  }

  @Test
  void logicalOrFollowsTheSsisTruthTable() {
    assertThat(eval("TRUE || TRUE")).isEqualTo(true);
    assertThat(eval("TRUE || FALSE")).isEqualTo(true);
    assertThat(eval("FALSE || FALSE")).isEqualTo(false);
    assertThat(eval("NULL(DT_BOOL) || NULL(DT_BOOL)")).isNull();
    assertThat(eval("NULL(DT_BOOL) || TRUE")).isEqualTo(true);
    assertThat(eval("NULL(DT_BOOL) || FALSE")).isNull();
  }

  @Test
  void logicalOperatorsShortCircuit() {
    assertThat(eval("FALSE && 1 / 0 == 1")).isEqualTo(false);
    assertThat(eval("TRUE || 1 / 0 == 1")).isEqualTo(true);
  }

  @Test
  void logicalOperatorsRejectNumbers() {
    compileError("1 && TRUE")
        .hasMessageContaining("The data type \"DT_I4\" cannot be used with binary operator \"&&\"")
        .hasMessageContaining("at position 3");
  }

  @Test
  void notNegateAndComplement() {
    assertThat(eval("!TRUE")).isEqualTo(false);
    assertThat(eval("!NULL(DT_BOOL)")).isNull();
    assertThat(eval("-5 + 2")).isEqualTo(-3);
    assertThat(eval("-(2.5)")).isEqualTo(new BigDecimal("-2.5"));
    assertThat(eval("~0")).isEqualTo(-1);
    assertThat(eval("~(DT_UI1)0")).isEqualTo((short) 255);
    evalError("-(DT_I4)(-2147483647 - 1)").hasMessageContaining("unary operation \"-\"");
    compileError("!1").hasMessageContaining("cannot be used with unary operator \"!\"");
    compileError("~1.5").hasMessageContaining("cannot be used with unary operator \"~\"");
    compileError("-\"a\"").hasMessageContaining("DT_WSTR");
  }

  @Test
  void bitwiseOperators() {
    assertThat(eval("12 & 10")).isEqualTo(8);
    assertThat(eval("12 | 10")).isEqualTo(14);
    assertThat(eval("12 ^ 10")).isEqualTo(6);
    assertThat(eval("NULL(DT_I4) & 1")).isNull();
    assertThat(typeOf("(DT_I2)1 | (DT_I8)1")).isEqualTo(DataType.I8);
    compileError("TRUE & FALSE")
        .hasMessageContaining(
            "The data type \"DT_BOOL\" cannot be used with binary operator \"&\"");
  }

  @Test
  void precedenceMatchesTheSsisTable() {
    // & binds tighter than ^, which binds tighter than |.
    assertThat(eval("1 | 2 ^ 3 & 6")).isEqualTo(1 | (2 ^ (3 & 6)));
    assertThat(eval("1 + 2 == 3 && 2 > 1")).isEqualTo(true);
    assertThat(eval("TRUE || FALSE && FALSE")).isEqualTo(true);
    assertThat(eval("(DT_I4)2.6 * 2")).isEqualTo(6);
  }

  @Test
  void conditionalPicksABranchAndNullConditionGivesNull() {
    SlotScope scope = SlotScope.builder().variable("User", "AnimalName", DataType.wstr(20)).build();
    Expression e =
        Expression.compile("@AnimalName == \"Elephant\"? \"savannah\": \"unknown\"", scope);
    assertThat(e.evaluate(scope.newValues(Eval.CLOCK).set(0, "Elephant"))).isEqualTo("savannah");
    assertThat(e.evaluate(scope.newValues(Eval.CLOCK).set(0, "Zebra"))).isEqualTo("unknown");
    assertThat(e.evaluate(scope.newValues(Eval.CLOCK))).isNull();
    assertThat(e.resultType()).isEqualTo(DataType.wstr(8));
  }

  @Test
  void conditionalNullBranchOnlyMattersWhenChosen() {
    assertThat(eval("TRUE ? 1 : NULL(DT_I4)")).isEqualTo(1);
    assertThat(eval("FALSE ? 1 : NULL(DT_I4)")).isNull();
    assertThat(eval("TRUE ? 1 : 1 / 0")).isEqualTo(1);
  }

  @Test
  void conditionalPromotesBranchesAndIsRightAssociative() {
    assertThat(typeOf("TRUE ? 1 : 2.5E0")).isEqualTo(DataType.R8);
    assertThat(eval("TRUE ? 1 : 2.5E0")).isEqualTo(1.0);
    assertThat(eval("FALSE ? 1 : TRUE ? 2 : 3")).isEqualTo(2);
    assertThat(typeOf("TRUE ? (DT_DBDATE)\"2024-01-01\" : GETDATE()"))
        .isEqualTo(DataType.DBTIMESTAMP);
    assertThat(eval("TRUE ? (DT_DBDATE)\"2024-01-01\" : GETDATE()"))
        .isEqualTo(LocalDate.of(2024, 1, 1).atStartOfDay());
  }

  @Test
  void conditionalTypeErrors() {
    compileError("1 ? 2 : 3")
        .hasMessageContaining("The conditional expression \"1\" of the conditional operator")
        .hasMessageContaining("at position 1");
    compileError("TRUE ? 1 : \"a\"")
        .hasMessageContaining(
            "The data types \"DT_I4\" and \"DT_WSTR\" are incompatible for the"
                + " conditional operator")
        .hasMessageContaining("at position 6");
  }
}
