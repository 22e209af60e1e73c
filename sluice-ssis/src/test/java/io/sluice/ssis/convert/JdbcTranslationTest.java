package io.sluice.ssis.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Connection strings of OLE DB, ADO.NET and ODBC connection managers to JDBC URLs. */
class JdbcTranslationTest {

  @Test
  void sqlServerWithInstancePortAndSqlLoginKeepsThePasswordOut() {
    JdbcTranslation t =
        JdbcTranslation.of(
            "OLEDB",
            "Data Source=tcp:dwh01\\SALES,1500;User ID=etl;Password=Secr3t!;"
                + "Initial Catalog=Sales DW;Provider=MSOLEDBSQL.1;Persist Security Info=True;");

    assertThat(t.url()).isEqualTo("jdbc:sqlserver://dwh01\\SALES:1500;databaseName=Sales DW");
    assertThat(t.user()).isEqualTo("etl");
    assertThat(t.needsPassword()).isTrue();
    assertThat(String.join(" ", t.notes()))
        .doesNotContain("Secr3t!")
        .contains("not carried over: persist security info=True");
  }

  @Test
  void adoNetSqlClientWithTrustedConnectionUsesKerberos() {
    JdbcTranslation t =
        JdbcTranslation.of(
            "ADO.NET:System.Data.SqlClient.SqlConnection, System.Data, Version=4.0.0.0",
            "Data Source=.;Initial Catalog=WideWorldImporters;Integrated Security=True;"
                + "Application Name=SSIS-Daily ETL;Encrypt=yes;TrustServerCertificate=True");

    assertThat(t.url())
        .isEqualTo(
            "jdbc:sqlserver://localhost;databaseName=WideWorldImporters;integratedSecurity=true;"
                + "authenticationScheme=JavaKerberos;encrypt=true;trustServerCertificate=true;"
                + "applicationName=SSIS-Daily ETL");
    assertThat(t.user()).isNull();
    assertThat(t.needsPassword()).isFalse();
    assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("Kerberos"));
  }

  @Test
  void ssdtsShortAdoNetNameIsSqlClientAndASqlLoginNeedsItsPassword() {
    JdbcTranslation t =
        JdbcTranslation.of(
            "ADO.NET:SQL",
            "Data Source=service-master-pool;User ID=sa;Initial Catalog=master;Connect Timeout=30;");

    assertThat(t.url())
        .isEqualTo("jdbc:sqlserver://service-master-pool;databaseName=master;loginTimeout=30");
    assertThat(t.user()).isEqualTo("sa");
    assertThat(t.needsPassword()).isTrue();
  }

  @Test
  void postgresqlThroughNpgsqlAndThroughOdbc() {
    JdbcTranslation npgsql =
        JdbcTranslation.of(
            "ADO.NET:Npgsql.NpgsqlConnection, Npgsql",
            "Host=pg.example;Port=5433;Database=warehouse;Username=loader;Password=x");
    assertThat(npgsql.url()).isEqualTo("jdbc:postgresql://pg.example:5433/warehouse");
    assertThat(npgsql.user()).isEqualTo("loader");
    assertThat(npgsql.needsPassword()).isTrue();

    JdbcTranslation odbc =
        JdbcTranslation.of(
            "ODBC", "Driver={PostgreSQL Unicode};Server=10.0.0.5;Port=5432;Database=dw;Uid=etl;");
    assertThat(odbc.url()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/dw");
    assertThat(odbc.user()).isEqualTo("etl");
  }

  @Test
  void whatCannotBeTranslatedSaysWhy() {
    assertThat(JdbcTranslation.of("ODBC", "DSN=Warehouse;UID=etl").reason())
        .contains("DSN=Warehouse");
    assertThat(
            JdbcTranslation.of("OLEDB", "Data Source=(localdb)\\MSSQLLocalDB;Provider=SQLNCLI11.1;")
                .reason())
        .contains("LocalDB");
    assertThat(
            JdbcTranslation.of("OLEDB", "Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\\a.xlsx;")
                .reason())
        .isEqualTo("no JDBC translation is known for OLE DB provider Microsoft.ACE.OLEDB.12.0");
    assertThat(JdbcTranslation.of("OLEDB", "").reason()).contains("empty");
  }

  @Test
  void quotedAndBracedValuesKeepTheirSemicolons() {
    ConnectionString cs =
        ConnectionString.parse(
            "Driver={ODBC Driver 17 for SQL Server};Server=db;PWD=\"a;b\"\"c\";App='x;y'");
    assertThat(cs.get("driver")).contains("{ODBC Driver 17 for SQL Server}");
    assertThat(cs.get("pwd")).contains("a;b\"c");
    assertThat(cs.get("app")).contains("x;y");
  }
}
