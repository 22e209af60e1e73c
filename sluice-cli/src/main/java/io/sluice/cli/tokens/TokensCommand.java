package io.sluice.cli.tokens;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.cli.common.LocalCatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Role;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice tokens}: API tokens for the management API (only their hashes are stored). On the
 * catalog directly, never through a master: tokens are how one first gets to use {@code --master}.
 */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens for the management API.",
    subcommands = {
      TokensCommand.CreateToken.class,
      TokensCommand.ListTokens.class,
      TokensCommand.RevokeToken.class
    })
public final class TokensCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code sluice tokens create NAME}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a token; it is printed once and stored only as a SHA-256 hash.")
  public static final class CreateToken extends LocalCatalogCommandBase {
    @Parameters(index = "0", paramLabel = "NAME", description = "The token's name.")
    String name;

    @Option(
        names = "--read-only",
        description = "The token may only read (GET); every change is refused with 403.")
    boolean readOnly;

    @Override
    protected int run(Catalog catalog, Output out) {
      Role role = readOnly ? Role.READ : Role.ADMIN;
      String token =
          new ApiTokens(session().database().jdbi())
              .create(name, session().context().caller(), role);
      out.done(
          "Created "
              + (readOnly ? "read-only" : "administrator")
              + " token "
              + Output.name(name)
              + ". It is shown only now; store it safely:\n"
              + token
              + "\nuse it as: Authorization: Bearer <token>",
          Map.of("name", name, "role", role.code(), "token", token));
      return 0;
    }
  }

  /** {@code sluice tokens list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens.")
  public static final class ListTokens extends LocalCatalogCommandBase {
    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          new ApiTokens(session().database().jdbi()).list(),
          column("NAME", ApiTokens.TokenInfo::name),
          column("ROLE", ApiTokens.TokenInfo::role),
          column("CREATED", ApiTokens.TokenInfo::createdTime),
          column("BY", ApiTokens.TokenInfo::createdBy),
          column("LAST USED", ApiTokens.TokenInfo::lastUsedTime));
      return 0;
    }
  }

  /** {@code sluice tokens revoke NAME}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  public static final class RevokeToken extends LocalCatalogCommandBase {
    @Parameters(index = "0", paramLabel = "NAME", description = "The token's name.")
    String name;

    @Override
    protected int run(Catalog catalog, Output out) {
      new ApiTokens(session().database().jdbi()).revoke(name);
      out.done("Revoked token " + Output.name(name) + ".", Map.of("name", name));
      return 0;
    }
  }
}
