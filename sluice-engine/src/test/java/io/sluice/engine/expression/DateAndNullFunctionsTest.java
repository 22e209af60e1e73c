package io.sluice.engine.expression;

import static io.sluice.engine.expression.Eval.compileError;
import static io.sluice.engine.expression.Eval.eval;
import static io.sluice.engine.expression.Eval.evalError;
import static io.sluice.engine.expression.Eval.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Examples from Microsoft's "(SSIS Expression)" function pages, plus NULL and error cases. */
class DateAndNullFunctionsTest {

  @Test
  void getdateReadsTheContextClock() {
    assertThat(eval("GETDATE()")).isEqualTo(LocalDateTime.parse("2024-03-15T11:20:30.123"));
    assertThat(eval("GETUTCDATE()")).isEqualTo(LocalDateTime.parse("2024-03-15T10:20:30.123"));
    assertThat(typeOf("GETDATE()")).isEqualTo(DataType.DBTIMESTAMP);
  }

  @Test
  void dateadd() {
    assertThat(eval("DATEADD(\"Month\", 1,GETDATE())"))
        .isEqualTo(LocalDateTime.parse("2024-04-15T11:20:30.123"));
    assertThat(eval("DATEADD(\"yyyy\", 2, (DT_DBTIMESTAMP)\"8/6/2003\")"))
        .isEqualTo(LocalDateTime.parse("2005-08-06T00:00"));
    assertThat(eval("DATEADD(\"day\", 21, (DT_DBDATE)\"2024-02-20\")"))
        .isEqualTo(LocalDateTime.parse("2024-03-12T00:00"));
    assertThat(eval("DATEADD(\"qq\", -1, (DT_DBTIMESTAMP)\"2024-05-31\")"))
        .isEqualTo(LocalDateTime.parse("2024-02-29T00:00"));
    assertThat(eval("DATEADD(\"wk\", 2, (DT_DBTIMESTAMP)\"2024-01-01\")"))
        .isEqualTo(LocalDateTime.parse("2024-01-15T00:00"));
    assertThat(eval("DATEADD(\"hh\", 25, (DT_DBTIMESTAMP)\"2024-01-01\")"))
        .isEqualTo(LocalDateTime.parse("2024-01-02T01:00"));
    assertThat(eval("DATEADD(\"mi\", 90, (DT_DBTIMESTAMP)\"2024-01-01\")"))
        .isEqualTo(LocalDateTime.parse("2024-01-01T01:30"));
    assertThat(eval("DATEADD(\"s\", 61, (DT_DBTIMESTAMP)\"2024-01-01\")"))
        .isEqualTo(LocalDateTime.parse("2024-01-01T00:01:01"));
    assertThat(eval("DATEADD(\"ms\", 1500, (DT_DBTIMESTAMP)\"2024-01-01\")"))
        .isEqualTo(LocalDateTime.parse("2024-01-01T00:00:01.500"));
    assertThat(eval("DATEADD(\"d\", 1, NULL(DT_DBTIMESTAMP))")).isNull();
    evalError("DATEADD(\"yy\", 9000, GETDATE())").hasMessageContaining("DATEADD");
  }

  @Test
  void datepartNamesAreCheckedAtCompileTime() {
    compileError("DATEADD(\"fortnight\", 1, GETDATE())")
        .hasMessageContaining("\"fortnight\" is not a valid date part for function \"DATEADD\"")
        .hasMessageContaining("at position 9");
    compileError("DATEPART(\"d\" + \"d\", GETDATE())").hasMessageContaining("is not static");
    compileError("DATEADD(\"d\", 1.5, GETDATE())").hasMessageContaining("parameter number 2");
    compileError("DAY(5)").hasMessageContaining("\"DAY\" does not support the data type \"DT_I4\"");
  }

  @Test
  void aDateLiteralCastToTimestamp2OrOffsetIsRefusedAsSsisRefusesIt() {
    // Microsoft's pages of DAY, MONTH, YEAR, DATEPART, DATEADD, DATEDIFF: "fails to validate"
    compileError("DAY((DT_DBTIMESTAMP2, 3)\"2002-11-23 10:00:00\")")
        .hasMessageContaining("\"DAY\" does not take a date literal cast to DT_DBTIMESTAMP2")
        .hasMessageContaining("DT_DBTIMESTAMP or DT_DBDATE");
    compileError("YEAR((DT_DBTIMESTAMPOFFSET, 0)\"2002-11-23 10:00:00 +01:00\")")
        .hasMessageContaining("DT_DBTIMESTAMPOFFSET");
    compileError("DATEADD(\"d\", 1, (DT_DBTIMESTAMP2, 3)\"2002-11-23 10:00:00\")")
        .hasMessageContaining("\"DATEADD\"");
    // the same types from anything but a literal are dates like others
    assertThat(eval("MONTH((DT_DBTIMESTAMP2, 3)GETDATE())")).isInstanceOf(Integer.class);
    assertThat(eval("DAY((DT_DBTIMESTAMP)\"11/23/2002\")")).isEqualTo(23);
  }

  @Test
  void datediffCountsBoundaries() {
    assertThat(eval("DATEDIFF(\"dd\", (DT_DBTIMESTAMP)\"8/1/2003\", (DT_DBTIMESTAMP)\"8/8/2003\")"))
        .isEqualTo(7);
    assertThat(eval("DATEDIFF(\"mm\", (DT_DBTIMESTAMP)\"8/1/2003\", GETDATE())")).isEqualTo(247);
    assertThat(
            eval(
                "DATEDIFF(\"yy\", (DT_DBTIMESTAMP)\"2023-12-31 23:59:59\","
                    + " (DT_DBTIMESTAMP)\"2024-01-01\")"))
        .isEqualTo(1);
    assertThat(eval("DATEDIFF(\"q\", (DT_DBDATE)\"2024-03-31\", (DT_DBDATE)\"2024-04-01\")"))
        .isEqualTo(1);
    // 2024-03-16 is a Saturday, 2024-03-17 a Sunday: one week boundary.
    assertThat(eval("DATEDIFF(\"Week\", (DT_DBDATE)\"2024-03-16\", (DT_DBDATE)\"2024-03-17\")"))
        .isEqualTo(1);
    assertThat(eval("DATEDIFF(\"wk\", (DT_DBDATE)\"2024-03-17\", (DT_DBDATE)\"2024-03-23\")"))
        .isEqualTo(0);
    assertThat(
            eval(
                "DATEDIFF(\"hh\", (DT_DBTIMESTAMP)\"2024-01-01 10:59\","
                    + " (DT_DBTIMESTAMP)\"2024-01-01 11:00\")"))
        .isEqualTo(1);
    assertThat(eval("DATEDIFF(\"dd\", (DT_DBDATE)\"2024-01-10\", (DT_DBDATE)\"2024-01-01\")"))
        .isEqualTo(-9);
    assertThat(eval("DATEDIFF(\"dd\", NULL(DT_DBDATE), GETDATE())")).isNull();
    evalError("DATEDIFF(\"ms\", (DT_DBDATE)\"1900-01-01\", (DT_DBDATE)\"2024-01-01\")")
        .hasMessageContaining("too large to fit in type \"DT_I4\"");
  }

  @Test
  void datepartDayMonthYear() {
    assertThat(eval("DATEPART(\"month\", (DT_DBTIMESTAMP)\"11/04/2002\")")).isEqualTo(11);
    assertThat(eval("DATEPART(\"yy\",GETDATE())")).isEqualTo(2024);
    assertThat(eval("DATEPART(\"q\",GETDATE())")).isEqualTo(1);
    assertThat(eval("DATEPART(\"dy\",GETDATE())")).isEqualTo(75);
    // 2024-03-15 is a Friday: weekday 6 with Sunday = 1; week 11 with weeks starting Sunday.
    assertThat(eval("DATEPART(\"dw\",GETDATE())")).isEqualTo(6);
    assertThat(eval("DATEPART(\"wk\",GETDATE())")).isEqualTo(11);
    assertThat(eval("DATEPART(\"Hh\",GETDATE())")).isEqualTo(11);
    assertThat(eval("DATEPART(\"n\",GETDATE())")).isEqualTo(20);
    assertThat(eval("DATEPART(\"ss\",GETDATE())")).isEqualTo(30);
    assertThat(eval("DATEPART(\"Ms\",GETDATE())")).isEqualTo(123);
    assertThat(eval("DATEPART(\"hh\",(DT_DBTIME)\"16:34:52\")")).isEqualTo(16);
    assertThat(eval("DAY(GETDATE())")).isEqualTo(15);
    assertThat(eval("MONTH((DT_DBDATE)\"2024-07-04\")")).isEqualTo(7);
    assertThat(eval("YEAR(\"2003-08-06\")")).isEqualTo(2003);
    assertThat(eval("YEAR(NULL(DT_DBDATE))")).isNull();
  }

  @Test
  void isnullAndTypedNull() {
    assertThat(eval("ISNULL(NULL(DT_I4))")).isEqualTo(true);
    assertThat(eval("ISNULL(1)")).isEqualTo(false);
    assertThat(eval("NULL(DT_STR,10,1252)")).isNull();
    assertThat(typeOf("NULL(DT_STR,10,1252)")).isEqualTo(DataType.str(10, 1252));
    assertThat(typeOf("NULL(DT_DATE)")).isEqualTo(DataType.DATE);
    assertThat(typeOf("null(dt_bool)")).isEqualTo(DataType.BOOL);
    compileError("NULL(DT_WSTR)")
        .hasMessageContaining("The data type \"DT_WSTR\" takes length, e.g. (DT_WSTR,50)");
    compileError("NULL(DT_NUMERIC,40,2)").hasMessageContaining("precision");
    compileError("NULL(DT_FOO)").hasMessageContaining("\"DT_FOO\" is not a valid SSIS data type");
  }

  @Test
  void replacenull() {
    SlotScope scope = SlotScope.builder().column("MyColumn", DataType.DBTIMESTAMP).build();
    Expression e = Expression.compile("REPLACENULL(MyColumn, \"1900-01-01\")", scope);
    assertThat(e.resultType()).isEqualTo(DataType.DBTIMESTAMP);
    assertThat(e.evaluate(scope.newValues(Eval.CLOCK)))
        .isEqualTo(LocalDate.of(1900, 1, 1).atStartOfDay());
    LocalDateTime value = LocalDateTime.parse("2024-01-01T10:00");
    assertThat(e.evaluate(scope.newValues(Eval.CLOCK).set(0, value))).isEqualTo(value);
    assertThat(eval("REPLACENULL(NULL(DT_I4), 5)")).isEqualTo(5);
    assertThat(eval("REPLACENULL(NULL(DT_I8), 5)")).isEqualTo(5L);
    assertThat(eval("REPLACENULL(\"a\", \"b\")")).isEqualTo("a");
    compileError("REPLACENULL(NULL(DT_GUID), 5)").hasMessageContaining("parameter number 2");
  }
}
