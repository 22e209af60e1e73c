package io.sluice.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which characters a name may not hold, and how messages show them. */
class InvisibleCharactersTest {

  @Test
  void bidiControlsZeroWidthAndControlCharactersAreFound() {
    for (int cp : new int[] {0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069}) {
      assertThat(InvisibleCharacters.first("a" + Character.toString(cp) + "b")).hasValue(cp);
      assertThat(InvisibleCharacters.reordersText(cp)).isTrue();
    }
    for (int cp :
        new int[] {0x00, 0x09, 0x1B, 0x7F, 0x9F, 0x00AD, 0x200B, 0x200D, 0x2028, 0xFEFF}) {
      assertThat(InvisibleCharacters.first("x" + Character.toString(cp))).hasValue(cp);
    }
    assertThat(InvisibleCharacters.first("tag\uDBFF")).as("half a surrogate pair").hasValue(0xDBFF);
  }

  @Test
  void ordinaryNamesInAnyScriptPass() {
    for (String name :
        new String[] {
          "Finance 2024", "Müller-Lüdenscheidt", "財務", "مالية", "עברית", "x\uD83D\uDE00"
        }) {
      assertThat(InvisibleCharacters.first(name)).as(name).isEmpty();
      assertThat(InvisibleCharacters.visible(name)).isEqualTo(name);
    }
  }

  @Test
  void messagesShowTheCharacterInsteadOfObeyingIt() {
    assertThat(InvisibleCharacters.visible("evil\u202Etxt.exe")).isEqualTo("evil<U+202E>txt.exe");
    assertThat(InvisibleCharacters.describe(0x202E)).isEqualTo("U+202E RIGHT-TO-LEFT OVERRIDE");
    assertThat(InvisibleCharacters.problem("folder name", "evil\u202Etxt.exe"))
        .hasValue(
            "folder name 'evil<U+202E>txt.exe' contains U+202E RIGHT-TO-LEFT OVERRIDE, an"
                + " invisible character that changes how the name is shown");
    assertThat(ObjectNames.hint("evil\u202Etxt.exe")).isEqualTo(ObjectNames.INVISIBLE_HINT);
    assertThat(ObjectNames.hint("@x")).isEqualTo(ObjectNames.RULE);
  }
}
