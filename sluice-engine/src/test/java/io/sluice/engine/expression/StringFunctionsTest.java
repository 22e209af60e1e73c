package io.sluice.engine.expression;

import static io.sluice.engine.expression.Eval.compileError;
import static io.sluice.engine.expression.Eval.eval;
import static io.sluice.engine.expression.Eval.evalError;
import static io.sluice.engine.expression.Eval.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import org.junit.jupiter.api.Test;

/** Examples from Microsoft's "(SSIS Expression)" function pages, plus NULL and error cases. */
class StringFunctionsTest {

  private static Object withName(String expression, String name) {
    SlotScope scope =
        SlotScope.builder()
            .column("Name", DataType.wstr(50))
            .variable("User", "Path", DataType.wstr(200))
            .build();
    return Expression.compile(expression, scope)
        .evaluate(scope.newValues(Eval.CLOCK).set(0, name).set(1, name));
  }

  @Test
  void codepoint() {
    assertThat(eval("CODEPOINT(\"Mountain Bike\")")).isEqualTo(77);
    assertThat(typeOf("CODEPOINT(\"M\")")).isEqualTo(DataType.UI2);
    assertThat(eval("CODEPOINT(\"\")")).isNull();
    assertThat(eval("CODEPOINT(NULL(DT_WSTR,1))")).isNull();
  }

  @Test
  void findstring() {
    assertThat(eval("FINDSTRING(\"New York, NY, NY\", \"NY\", 1)")).isEqualTo(11);
    assertThat(eval("FINDSTRING(\"New York, NY, NY\", \"NY\", 3)")).isEqualTo(0);
    assertThat(withName("FINDSTRING(Name, \"n\", 2)", "Anderson")).isEqualTo(8);
    assertThat(eval("FINDSTRING(NULL(DT_WSTR,5), \"a\", 1)")).isNull();
    evalError("FINDSTRING(\"abc\", \"a\", 0)").hasMessageContaining("occurrence 0 is not valid");
  }

  @Test
  void hex() {
    assertThat(eval("HEX(400)")).isEqualTo("190");
    assertThat(eval("HEX((DT_I2)750)")).isEqualTo("2EE");
    assertThat(eval("HEX(-1)")).isEqualTo("FFFFFFFF");
    assertThat(eval("HEX((DT_I1)-1)")).isEqualTo("FF");
    assertThat(typeOf("HEX(1L)")).isEqualTo(DataType.wstr(16));
    assertThat(eval("HEX(NULL(DT_I4))")).isNull();
    compileError("HEX(1.5)").hasMessageContaining("\"HEX\" does not support the data type");
  }

  @Test
  void len() {
    assertThat(eval("LEN(\"Ball Bearing\")")).isEqualTo(12);
    assertThat(eval("LEN(\"  x  \")")).isEqualTo(5);
    assertThat(eval("LEN(NULL(DT_WSTR,3))")).isNull();
    assertThat(eval("LEN((DT_NTEXT)\"abc\")")).isEqualTo(6);
  }

  @Test
  void leftAndRight() {
    assertThat(eval("LEFT(\"Mountain Bike\", 8)")).isEqualTo("Mountain");
    assertThat(eval("RIGHT(\"Mountain Bike\", 4)")).isEqualTo("Bike");
    assertThat(eval("LEFT(\"ab\", 5)")).isEqualTo("ab");
    assertThat(eval("RIGHT(\"ab\", 0)")).isEqualTo("");
    assertThat(withName("RIGHT(Name, 5)", "Touring Front Wheel")).isEqualTo("Wheel");
    assertThat(withName("RIGHT(Name, (DT_I2)4.32)", "Touring Front Wheel")).isEqualTo("heel");
    assertThat(eval("LEFT(NULL(DT_WSTR,3), 1)")).isNull();
    evalError("LEFT(\"abc\", -1)")
        .hasMessageContaining("The length -1 is not valid for function \"LEFT\"");
  }

  @Test
  void lowerUpperReverse() {
    assertThat(eval("LOWER(\"ABC\")")).isEqualTo("abc");
    assertThat(eval("UPPER(\"flower\")")).isEqualTo("FLOWER");
    assertThat(eval("REVERSE(\"Tomato\")")).isEqualTo("otamoT");
    assertThat(eval("UPPER(NULL(DT_WSTR,2))")).isNull();
    assertThat(typeOf("UPPER((DT_STR,10,1252)\"a\")")).isEqualTo(DataType.wstr(10));
  }

  @Test
  void trimsRemoveOnlySpaces() {
    assertThat(eval("TRIM(\"   New York   \")")).isEqualTo("New York");
    assertThat(eval("LTRIM(\"   Hello\")")).isEqualTo("Hello");
    assertThat(eval("RTRIM(\"Hello   \")")).isEqualTo("Hello");
    assertThat(eval("TRIM(\"\\tx \")")).isEqualTo("\tx");
    assertThat(eval("TRIM(NULL(DT_WSTR,2))")).isNull();
  }

  @Test
  void replace() {
    assertThat(eval("REPLACE(\"Mountain Bike\", \"Mountain\",\"All Terrain\")"))
        .isEqualTo("All Terrain Bike");
    assertThat(eval("REPLACE(\"Road Bike\", \"Bike\",\"\")")).isEqualTo("Road ");
    assertThat(eval("REPLACE((DT_WSTR,8)6,\"6\",\"5\")")).isEqualTo("5");
    assertThat(eval("REPLACE(\"a\", NULL(DT_WSTR,1), \"b\")")).isNull();
    evalError("REPLACE(\"abc\", \"\", \"x\")").hasMessageContaining("must not be empty");
  }

  @Test
  void replicate() {
    assertThat(eval("REPLICATE(\"Mountain Bike\", 3)"))
        .isEqualTo("Mountain BikeMountain BikeMountain Bike");
    assertThat(eval("REPLICATE(\"x\", 0)")).isEqualTo("");
    assertThat(eval("REPLICATE(\"x\", NULL(DT_I4))")).isNull();
    evalError("REPLICATE(\"x\", -1)").hasMessageContaining("REPLICATE");
  }

  @Test
  void substring() {
    assertThat(eval("SUBSTRING(\"elephant\",4,2)")).isEqualTo("ph");
    assertThat(eval("SUBSTRING (\"elephant\",4,50)")).isEqualTo("phant");
    assertThat(eval("SUBSTRING (\"Redmond\",4,0)")).isEqualTo("");
    assertThat(eval("SUBSTRING (\"Redmond\",40,2)")).isEqualTo("");
    assertThat(eval("SUBSTRING(NULL(DT_WSTR,5),1,1)")).isNull();
    evalError("SUBSTRING(\"abc\",0,1)")
        .hasMessageContaining("The start index 0 is not valid for function \"SUBSTRING\"");
    evalError("SUBSTRING(\"abc\",1,-1)").hasMessageContaining("The length -1 is not valid");
    compileError("SUBSTRING(\"abc\", 1.5, 1)")
        .hasMessageContaining("parameter number 2")
        .hasMessageContaining("at position 18");
  }

  @Test
  void token() {
    assertThat(eval("TOKEN(\"a little white dog\",\" \",1)")).isEqualTo("a");
    assertThat(eval("TOKEN(\"a:little|white dog\",\"| ,.:\",4)")).isEqualTo("dog");
    assertThat(eval("TOKEN(\"a little white dog\",\" \",99)")).isEqualTo("");
    assertThat(eval("TOKEN(\"a little white dog\",\"|\",1)")).isEqualTo("a little white dog");
    assertThat(eval("TOKEN(\"        a little white dog\", \" \", 1)")).isEqualTo("a");
    assertThat(eval("TOKEN(\"2009/01/01\", \"/\", 1)")).isEqualTo("2009");
    assertThat(
            withName(
                "TOKEN(@[User::Path], \"\\\\\", TOKENCOUNT(@[User::Path], \"\\\\\"))",
                "c:\\program files\\data\\myfile.txt"))
        .isEqualTo("myfile.txt");
    assertThat(eval("TOKEN(NULL(DT_WSTR,5), \" \", 1)")).isNull();
  }

  @Test
  void tokencount() {
    assertThat(eval("TOKENCOUNT(\"01/12/2011\", \"/\")")).isEqualTo(3);
    assertThat(eval("TOKENCOUNT(\"a little white dog\",\" \")")).isEqualTo(4);
    assertThat(eval("TOKENCOUNT(\"a little white dog\",\"|\")")).isEqualTo(1);
    assertThat(eval("TOKENCOUNT(\"a:little|white dog\",\"| ,.:\")")).isEqualTo(4);
    assertThat(eval("TOKENCOUNT(\"        a little white dog\", \" \")")).isEqualTo(4);
    assertThat(eval("TOKENCOUNT(NULL(DT_WSTR,5), \" \")")).isEqualTo(0);
  }

  @Test
  void stringFunctionsRejectNumbers() {
    compileError("UPPER(1)")
        .hasMessageContaining(
            "The function \"UPPER\" does not support the data type \"DT_I4\" for parameter number 1");
  }
}
