package io.sluice.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which texts are values of each parameter type, at and just past the bounds. */
class ParameterTypeTest {

  @ParameterizedTest(name = "{0} accepts \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Boolean|true",
        "Boolean|FALSE",
        "Boolean|1",
        "Boolean|0",
        "Byte|0",
        "Byte|255",
        "SByte|-128",
        "SByte|127",
        "Int16|-32768",
        "Int16|32767",
        "Int32|-2147483648",
        "Int32|2147483647",
        "Int32|' 42 '",
        "Int32|+7",
        "Int64|-9223372036854775808",
        "Int64|9223372036854775807",
        "UInt32|0",
        "UInt32|4294967295",
        "UInt64|0",
        "UInt64|18446744073709551615",
        "Single|3.4E38",
        "Single|-1.5",
        "Single|9.53E-03",
        "Double|1.7976931348623157E308",
        "Double|.5",
        "Double|-2",
        "Decimal|79228162514264337593543950335",
        "Decimal|-79228162514264337593543950335",
        "Decimal|0.1234567890123456789012345678",
        "Decimal|12.50",
        "DateTime|2024-01-31",
        "DateTime|2024-01-31T13:45:00",
        "DateTime|2024-02-29T00:00",
        "String|''",
        "String|anything at all",
      })
  void accepts(String type, String text) {
    assertThat(ParameterType.fromName(type).orElseThrow().invalidValue(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} refuses \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Boolean|yes",
        "Boolean|2",
        "Boolean|''",
        "Byte|-1",
        "Byte|256",
        "SByte|-129",
        "SByte|128",
        "Int16|-32769",
        "Int16|32768",
        "Int32|-2147483649",
        "Int32|2147483648",
        "Int32|1.0",
        "Int32|0x10",
        "Int32|''",
        "Int64|-9223372036854775809",
        "Int64|9223372036854775808",
        "UInt32|-1",
        "UInt32|4294967296",
        "UInt64|-1",
        "UInt64|18446744073709551616",
        "Single|3.5E38",
        "Single|NaN",
        "Single|1f",
        "Double|1.8E308",
        "Double|Infinity",
        "Double|0x1p3",
        "Double|1,5",
        "Decimal|79228162514264337593543950336",
        "Decimal|0.12345678901234567890123456789",
        "Decimal|1e400x",
        "DateTime|2024-02-30",
        "DateTime|31/01/2024",
        "DateTime|2024-01-31 13:45:00",
        "DateTime|2024-01-31T13:45:00Z",
      })
  void refuses(String type, String text) {
    ParameterType parameterType = ParameterType.fromName(type).orElseThrow();

    assertThat(parameterType.invalidValue(text))
        .hasValue("\"" + text + "\" is not " + parameterType.expected());
    assertThat(parameterType.invalidValue(text, true))
        .as("a sensitive value is not quoted")
        .hasValue("the sensitive value is not " + parameterType.expected());
  }

  @ParameterizedTest
  @CsvSource({"int32,INT32", "STRING,STRING", "datetime,DATE_TIME"})
  void namesAreCaseInsensitive(String written, ParameterType type) {
    assertThat(ParameterType.fromName(written)).hasValue(type);
  }
}
