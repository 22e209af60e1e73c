package io.sluice.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticlesTest {

  @Test
  void typeNamesGetTheArticleTheyAreSaidWith() {
    assertThat(Articles.a("Ftp")).isEqualTo("an Ftp");
    assertThat(Articles.a("sftp")).isEqualTo("an sftp");
    assertThat(Articles.a("smtp")).isEqualTo("an smtp");
    assertThat(Articles.a("Http")).isEqualTo("an Http");
    assertThat(Articles.a("XmlSource")).isEqualTo("an XmlSource");
    assertThat(Articles.a("ExcelSource")).isEqualTo("an ExcelSource");
    assertThat(Articles.a("ExecuteSql")).isEqualTo("an ExecuteSql");
    assertThat(Articles.a("Unsupported")).isEqualTo("an Unsupported");
    assertThat(Articles.a("Int32")).isEqualTo("an Int32");
    assertThat(Articles.a("OPTIONS")).isEqualTo("an OPTIONS");
    assertThat(Articles.a("UnionAll")).isEqualTo("a UnionAll");
    assertThat(Articles.a("DataFlow")).isEqualTo("a DataFlow");
    assertThat(Articles.a("jdbc")).isEqualTo("a jdbc");
    assertThat(Articles.a("flatFile")).isEqualTo("a flatFile");
    assertThat(Articles.a("SendMail")).isEqualTo("a SendMail");
    assertThat(Articles.a("GET")).isEqualTo("a GET");
  }
}
