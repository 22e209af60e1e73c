package io.sluice.catalog.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PasswordUtil;

/**
 * Makes the embedded server's catalog belong to {@value EmbeddedCatalog#OWNER}, the role every
 * {@code sluice} process connects as: a login that is not a superuser and owns the catalog database
 * and everything in it. Even an SQL injection through it cannot run a program ({@code COPY ... TO
 * PROGRAM}) or read a server file ({@code pg_read_file}, e.g. the catalog key): both need a
 * superuser. This is the only place the superuser's password is used, each time the server starts.
 *
 * <p>Flyway migrates the schema as the owner role too ({@link CatalogDatabase#open} connects with
 * the catalog location's login), not as the superuser: what a migration creates then belongs to the
 * role that uses it, and the superuser's password never has to reach the pool. None of the
 * migrations needs more: PL/pgSQL is a trusted language, an ICU collation needs only CREATE on the
 * schema, and triggers and partitions need ownership of their tables.
 *
 * <p>A catalog from before this role (everything owned by {@code postgres}) is handed over in
 * place, rows untouched. {@code REASSIGN OWNED BY postgres} cannot do it (PostgreSQL refuses it for
 * the system objects the bootstrap superuser owns), so each object of the catalog's schemas changes
 * owner on its own.
 */
final class CatalogOwnerRole {

  private static final String OWNER = EmbeddedCatalog.OWNER;

  /** Objects of the catalog's schemas (not PostgreSQL's) that do not belong to the owner yet. */
  private static final String HAND_OVER =
      """
      do $$
      declare
        r record;
      begin
        for r in
          select n.nspname from pg_namespace n
          where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
            and n.nspowner <> 'OWNER'::regrole
        loop
          execute format('alter schema %I owner to OWNER', r.nspname);
        end loop;
        -- Tables (partitions too), views and standalone composite types. A table takes its indexes
        -- and the sequences of its columns along.
        for r in
          select c.oid::regclass as name, c.relkind from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
            and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c') and c.relowner <> 'OWNER'::regrole
            and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                            and d.objid = c.oid and d.deptype = 'e')
        loop
          execute format('alter %s %s owner to OWNER',
              case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                             when 'f' then 'foreign table' when 'c' then 'type' else 'table' end,
              r.name);
        end loop;
        for r in
          select c.oid::regclass as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
            and c.relkind = 'S' and c.relowner <> 'OWNER'::regrole
            and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                            and d.objid = c.oid and d.deptype = 'e')
        loop
          execute format('alter sequence %s owner to OWNER', r.name);
        end loop;
        for r in
          select p.oid::regprocedure as name from pg_proc p
          join pg_namespace n on n.oid = p.pronamespace
          where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
            and p.proowner <> 'OWNER'::regrole
            and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
                            and d.objid = p.oid and d.deptype = 'e')
        loop
          execute format('alter routine %s owner to OWNER', r.name);
        end loop;
        for r in
          select t.oid::regtype as name, t.typtype from pg_type t
          join pg_namespace n on n.oid = t.typnamespace
          where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
            and t.typtype in ('d', 'e', 'r') and t.typowner <> 'OWNER'::regrole
            and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass
                            and d.objid = t.oid and d.deptype = 'e')
        loop
          execute format('alter %s %s owner to OWNER',
              case r.typtype when 'd' then 'domain' else 'type' end, r.name);
        end loop;
        for r in
          select n.nspname, c.collname from pg_collation c
          join pg_namespace n on n.oid = c.collnamespace
          where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
            and c.collowner <> 'OWNER'::regrole
        loop
          execute format('alter collation %I.%I owner to OWNER', r.nspname, r.collname);
        end loop;
      end $$
      """
          .replace("OWNER", OWNER);

  private CatalogOwnerRole() {}

  /**
   * Creates the owner role and the catalog database if missing, sets the owner's password, and
   * hands over whatever in the catalog database the owner does not own yet.
   */
  static void prepare(int port, ServerPasswords passwords) throws IOException {
    String server = "jdbc:postgresql://" + EmbeddedCatalog.HOST + ":" + port + "/";
    try {
      try (Connection c =
              DriverManager.getConnection(
                  server + "postgres", EmbeddedCatalog.SUPERUSER, passwords.superuser());
          Statement s = c.createStatement()) {
        s.execute(
            "do $$ begin if not exists (select from pg_roles where rolname = '"
                + OWNER
                + "') then create role "
                + OWNER
                + "; end if; end $$");
        // Every start, so the role can never keep more than it needs.
        s.execute(
            "alter role "
                + OWNER
                + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
                + PasswordUtil.encodeScramSha256(passwords.owner().toCharArray())
                + "'");
        // To see every session, an administrator's psql too, when deciding whether the last
        // sluice process out may stop the server (EmbeddedCatalog.close). Statistics only: no
        // files, no programs.
        s.execute("grant pg_read_all_stats to " + OWNER);
        String databaseOwner = databaseOwner(s);
        if (databaseOwner == null) {
          s.execute("create database " + EmbeddedCatalog.DATABASE + " owner " + OWNER);
        } else if (!databaseOwner.equals(OWNER)) {
          s.execute("alter database " + EmbeddedCatalog.DATABASE + " owner to " + OWNER);
        }
      }
      try (Connection c =
              DriverManager.getConnection(
                  server + EmbeddedCatalog.DATABASE,
                  EmbeddedCatalog.SUPERUSER,
                  passwords.superuser());
          Statement s = c.createStatement()) {
        s.execute(HAND_OVER);
      }
    } catch (SQLException e) {
      throw new IOException(
          "cannot give the catalog database to the role " + OWNER + ": " + e.getMessage(), e);
    }
  }

  private static String databaseOwner(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "select pg_get_userbyid(datdba) from pg_database where datname = '"
                + EmbeddedCatalog.DATABASE
                + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
