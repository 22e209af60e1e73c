package io.sluice.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A logged-in session on an FTP or SFTP server, as the Ftp task uses it: what the two protocols
 * share, so the task's operations (and their checks: overwrite, wildcards, missing paths) are
 * written once. Paths are the server's, with forward slashes.
 */
interface RemoteFiles extends AutoCloseable {

  /** The server for messages, e.g. {@code FTP server files.example.com:21}. */
  String describe();

  /** One entry of a remote directory. */
  record Entry(String name, boolean isDirectory) {}

  /** Whether the protocol has an ASCII transfer type (FTP's line-ending conversion). */
  boolean supportsAscii();

  /** The entries of {@code directory}, without {@code .} and {@code ..}. */
  List<Entry> list(String directory) throws IOException;

  /** Whether {@code path} is an existing directory. */
  boolean isDirectory(String path) throws IOException;

  /** Writes {@code remote} from {@code in}, replacing it if it exists. */
  void upload(InputStream in, String remote, boolean ascii) throws IOException;

  /** Reads {@code remote} into {@code out}. */
  void download(String remote, OutputStream out, boolean ascii) throws IOException;

  void delete(String remote) throws IOException;

  void createDirectory(String remote) throws IOException;

  void removeDirectory(String remote) throws IOException;

  @Override
  void close() throws IOException;
}
