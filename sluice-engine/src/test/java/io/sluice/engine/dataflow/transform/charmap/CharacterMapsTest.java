package io.sluice.engine.dataflow.transform.charmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mappings, on the characters SSIS's page names, and the operations SSIS refuses together. */
class CharacterMapsTest {

  private static String map(String value, Operation... ops) {
    return CharacterMaps.apply(value, EnumSet.copyOf(List.of(ops)));
  }

  @Test
  void caseMappingIsSimpleAndKeepsTheLength() {
    assertThat(map("Straße İstanbul", Operation.UPPERCASE)).isEqualTo("STRAßE İSTANBUL");
    assertThat(map("ÀÉÎ USD", Operation.LOWERCASE)).isEqualTo("àéî usd");
    assertThat(map("İ", Operation.LOWERCASE)).hasSize(1);
  }

  @Test
  void widthMapsAsciiSignsAndKatakanaBothWays() {
    assertThat(map("USD 1.5¥", Operation.FULL_WIDTH)).isEqualTo("ＵＳＤ　１．５￥");
    assertThat(map("ＵＳＤ　１．５￥", Operation.HALF_WIDTH)).isEqualTo("USD 1.5¥");
    assertThat(map("ｶﾞｷﾞｱｲｳ", Operation.FULL_WIDTH)).isEqualTo("ガギアイウ");
    assertThat(map("ガギアイウ", Operation.HALF_WIDTH)).isEqualTo("ｶﾞｷﾞｱｲｳ");
    assertThat(map("パン", Operation.HALF_WIDTH)).isEqualTo("ﾊﾟﾝ");
  }

  @Test
  void kanaMapsHiraganaAndKatakana() {
    assertThat(map("ひらがなゝ", Operation.KATAKANA)).isEqualTo("ヒラガナヽ");
    assertThat(map("カタカナヾ", Operation.HIRAGANA)).isEqualTo("かたかなゞ");
  }

  @Test
  void byteReversalSwapsTheBytesOfEachUnit() {
    assertThat(map("A\u1234", Operation.BYTE_REVERSAL)).isEqualTo("\u4100\u3412");
    assertThat(map(map("USD", Operation.BYTE_REVERSAL), Operation.BYTE_REVERSAL)).isEqualTo("USD");
  }

  @Test
  void operationsTheJdkCannotDoOrThatExcludeEachOtherAreRefused() {
    assertThatThrownBy(() -> Operation.parse(List.of("simplified chinese"), "Name"))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("column 'Name': operation 'simplifiedChinese' is not supported");
    assertThatThrownBy(() -> Operation.parse(List.of("linguisticCasing", "uppercase"), "Name"))
        .hasMessageContaining("'linguisticCasing' is not supported");
    assertThatThrownBy(() -> Operation.parse(List.of("uppercase", "katakana"), "Name"))
        .hasMessageContaining("operations uppercase and katakana exclude each other");
    assertThatThrownBy(() -> Operation.parse(List.of("lower"), "Name"))
        .hasMessageContaining("operation 'lower' is unknown; use some of lowercase, uppercase");
    assertThat(Operation.parse(List.of("Full width", "KATAKANA", "byte_reversal"), "Name"))
        .containsExactlyInAnyOrder(
            Operation.FULL_WIDTH, Operation.KATAKANA, Operation.BYTE_REVERSAL);
  }
}
