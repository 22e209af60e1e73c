package io.sluice.ssis;

/**
 * How an import treats what it converts.
 *
 * @param sqlDialect the SQL the imported statements should be in: {@link SqlDialect#AS_WRITTEN}
 *     keeps the text of the package (and still reports the T-SQL that PostgreSQL refuses when the
 *     statement's connection is PostgreSQL); {@link SqlDialect#POSTGRESQL} rewrites the safe,
 *     common T-SQL constructs for PostgreSQL and reports every rewrite and every construct left
 */
public record ImportOptions(SqlDialect sqlDialect) {

  /** The SQL dialect that statements are written in after the import. */
  public enum SqlDialect {
    AS_WRITTEN,
    POSTGRESQL
  }

  public static final ImportOptions DEFAULT = new ImportOptions(SqlDialect.AS_WRITTEN);

  public ImportOptions {
    sqlDialect = sqlDialect == null ? SqlDialect.AS_WRITTEN : sqlDialect;
  }
}
