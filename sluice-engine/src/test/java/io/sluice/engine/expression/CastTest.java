package io.sluice.engine.expression;

import static io.sluice.engine.expression.Eval.eval;
import static io.sluice.engine.expression.Eval.evalError;
import static io.sluice.engine.expression.Eval.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The examples of Microsoft's "Cast (SSIS Expression)" page and the conversions behind them. */
class CastTest {

  @Test
  void microsoftExamples() {
    assertThat(eval("(DT_I4) 3.57")).isEqualTo(4);
    assertThat(eval("(DT_STR,1,1252)5")).isEqualTo("5");
    assertThat(typeOf("(DT_STR,1,1252)5")).isEqualTo(DataType.str(1, 1252));
    assertThat(eval("(DT_WSTR,3)\"Cat\"")).isEqualTo("Cat");
    assertThat(eval("(DT_DECIMAl,2)500")).isEqualTo(new BigDecimal("500.00"));
    assertThat(eval("(DT_NUMERIC,7,3)4000")).isEqualTo(new BigDecimal("4000.000"));
    assertThat(eval("(DT_BOOL)\"True\"")).isEqualTo(true);
    assertThat(eval("(DT_DBDATE) \"1999-10-11\"")).isEqualTo(LocalDate.of(1999, 10, 11));
    assertThat(eval("(DT_DBTIME2, 5) \"16:34:52.12345\""))
        .isEqualTo(LocalTime.parse("16:34:52.12345"));
    assertThat(eval("(DT_DBTIMESTAMP2, 4) \"1999-10-11 16:34:52.1234\""))
        .isEqualTo(LocalDateTime.parse("1999-10-11T16:34:52.1234"));
    assertThat(eval("(DT_DBTIMESTAMPOFFSET, 7) \"1999-10-11 16:34:52.1234567 + 5:35\""))
        .isEqualTo(OffsetDateTime.parse("1999-10-11T16:34:52.1234567+05:35"));
  }

  /**
   * SSIS reads m/d/yy with Windows' two-digit-year window, 1930 to 2029: the tutorial's
   * SampleCurrencyData.txt writes "1/1/05 0:00" for 2005-01-01.
   */
  @Test
  void twoDigitYearsFallBetween1930And2029() {
    assertThat(eval("(DT_DBTIMESTAMP)\"1/1/05 0:00\""))
        .isEqualTo(LocalDateTime.of(2005, 1, 1, 0, 0));
    assertThat(eval("(DT_DBDATE)\"12/31/29\"")).isEqualTo(LocalDate.of(2029, 12, 31));
    assertThat(eval("(DT_DBDATE)\"1/1/30\"")).isEqualTo(LocalDate.of(1930, 1, 1));
    assertThat(eval("(DT_DBDATE)\"7/4/99 13:05\"")).isEqualTo(LocalDate.of(1999, 7, 4));
    assertThat(eval("(DT_DBDATE)\"7/4/1899\"")).isEqualTo(LocalDate.of(1899, 7, 4));
    evalError("(DT_DBDATE)\"7/4/199\"").hasMessageContaining("7/4/199");
  }

  @Test
  void castingTruncatesStringsAndFormatsValues() {
    assertThat(eval("(DT_WSTR,3)\"Catalog\"")).isEqualTo("Cat");
    assertThat(eval("(DT_WSTR,5)TRUE")).isEqualTo("True");
    assertThat(eval("(DT_WSTR,10)2.5E0")).isEqualTo("2.5");
    assertThat(eval("(DT_WSTR,10)(DT_NUMERIC,5,2)1")).isEqualTo("1.00");
    assertThat(eval("(DT_WSTR,30)(DT_DBTIMESTAMP)\"2003-08-06 10:22:27.463\""))
        .isEqualTo("2003-08-06 10:22:27.463000000");
    assertThat(eval("(DT_WSTR,10)(DT_DBDATE)\"2003-08-06\"")).isEqualTo("2003-08-06");
    assertThat(eval("(DT_WSTR,40)(DT_GUID)\"{0f8fad5b-d9cb-469f-a165-70867728950e}\""))
        .isEqualTo("{0F8FAD5B-D9CB-469F-A165-70867728950E}");
  }

  @Test
  void numericCasts() {
    assertThat(eval("(DT_I4)TRUE")).isEqualTo(-1);
    assertThat(eval("(DT_BOOL)0")).isEqualTo(false);
    assertThat(eval("(DT_I2)\" 42 \"")).isEqualTo((short) 42);
    assertThat(eval("(DT_R4)1")).isEqualTo(1f);
    assertThat(eval("(DT_CY)1.23456")).isEqualTo(new BigDecimal("1.2346"));
    assertThat(eval("(DT_UI8)5")).isEqualTo(java.math.BigInteger.valueOf(5));
    assertThat(eval("(DT_GUID)\"0f8fad5b-d9cb-469f-a165-70867728950e\""))
        .isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
  }

  @Test
  void failedConversionsAreEvaluationErrors() {
    evalError("(DT_I1)200")
        .hasMessageContaining(
            "An overflow occurred while converting from data type \"DT_I4\" to data type \"DT_I1\"")
        .hasMessageContaining("cast to DT_I1 at position 1");
    evalError("(DT_I4)\"abc\"").hasMessageContaining("The value \"abc\" cannot be converted");
    evalError("(DT_DBDATE)\"2024-02-30\"").hasMessageContaining("DT_DBDATE");
    evalError("(DT_NUMERIC,3,1)1000").hasMessageContaining("overflow");
    evalError("(DT_UI4)-1").hasMessageContaining("overflow");
  }

  @Test
  void nullCastsToATypedNull() {
    assertThat(eval("(DT_WSTR,5)NULL(DT_I4)")).isNull();
    assertThat(typeOf("(DT_WSTR,5)NULL(DT_I4)")).isEqualTo(DataType.wstr(5));
  }
}
