package io.sluice.ftp;

import io.sluice.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * {@link RemoteFiles} over SFTP, with Apache MINA SSHD's client. The server's host key is checked
 * before any credential is sent ({@link HostKeyCheck}); an unknown key refuses the session.
 */
final class SftpFiles implements RemoteFiles {

  private final SshClient client;
  private final ClientSession session;
  private final SftpClient sftp;
  private final String server;

  private SftpFiles(SshClient client, ClientSession session, SftpClient sftp, String server) {
    this.client = client;
    this.session = session;
    this.sftp = sftp;
    this.server = server;
  }

  /** Connects, checks the host key, authenticates and opens the SFTP channel. */
  static SftpFiles open(
      String host,
      int port,
      String user,
      String password,
      Path privateKeyFile,
      HostKeyCheck hostKeys,
      Duration timeout) {
    String server = "SFTP server " + host + ":" + port;
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(hostKeys);
    client.start();
    ClientSession session = null;
    try {
      session = client.connect(user, host, port).verify(timeout).getSession();
      if (password != null && !password.isEmpty()) {
        session.addPasswordIdentity(password);
      }
      if (privateKeyFile != null) {
        for (KeyPair key : loadKeys(privateKeyFile, server)) {
          session.addPublicKeyIdentity(key);
        }
      }
      try {
        session.auth().verify(timeout);
      } catch (IOException e) {
        hostKeys.throwIfRejected(server);
        throw new PluginException(
            "the " + server + " refused the login of user '" + user + "': " + Errors.describe(e),
            privateKeyFile == null
                ? "check the connection's user and password (set the password from a sensitive"
                    + " parameter: expressions: {password: '@[$Project::SftpPassword]'})"
                : "check the connection's user, and that the server accepts the key of "
                    + privateKeyFile);
      }
      SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
      return new SftpFiles(client, session, sftp, server);
    } catch (IOException e) {
      close(session, client);
      hostKeys.throwIfRejected(server);
      throw new PluginException(
          "cannot connect to the " + server + ": " + Errors.describe(e),
          "check the connection's server and port, and that the server is reachable from here");
    } catch (RuntimeException e) {
      close(session, client);
      throw e;
    }
  }

  private static Iterable<KeyPair> loadKeys(Path file, String server) {
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> keys =
          SecurityUtils.loadKeyPairIdentities(
              null, () -> file.toString(), in, (session, resource, retry) -> null);
      if (keys == null) {
        throw new IOException("it holds no private key");
      }
      return keys;
    } catch (IOException | GeneralSecurityException e) {
      throw new PluginException(
          "cannot read the private key file "
              + file
              + " for the "
              + server
              + ": "
              + Errors.describe(e),
          "give an OpenSSH or PEM private key without a passphrase, readable by this process");
    }
  }

  @Override
  public String describe() {
    return server;
  }

  @Override
  public boolean supportsAscii() {
    return false;
  }

  @Override
  public List<Entry> list(String directory) throws IOException {
    if (!isDirectory(directory)) {
      throw new RemoteNotFound(directory, "the remote directory does not exist");
    }
    List<Entry> entries = new ArrayList<>();
    for (SftpClient.DirEntry e : sftp.readDir(directory)) {
      String name = e.getFilename();
      if (!name.equals(".") && !name.equals("..")) {
        entries.add(new Entry(name, e.getAttributes().isDirectory()));
      }
    }
    return entries;
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    try {
      return sftp.stat(path).isDirectory();
    } catch (SftpException e) {
      if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
          || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void upload(InputStream in, String remote, boolean ascii) throws IOException {
    // SFTP has no ASCII mode: files go as they are (the task warns)
    try (OutputStream out = sftp.write(remote)) {
      in.transferTo(out);
    }
  }

  @Override
  public void download(String remote, OutputStream out, boolean ascii) throws IOException {
    try (InputStream in = sftp.read(remote)) {
      in.transferTo(out);
    }
  }

  @Override
  public void delete(String remote) throws IOException {
    sftp.remove(remote);
  }

  @Override
  public void createDirectory(String remote) throws IOException {
    sftp.mkdir(remote);
  }

  @Override
  public void removeDirectory(String remote) throws IOException {
    sftp.rmdir(remote);
  }

  @Override
  public void close() {
    try {
      sftp.close();
    } catch (IOException e) {
      // the session closes next
    }
    close(session, client);
  }

  private static void close(ClientSession session, SshClient client) {
    try {
      if (session != null) {
        session.close();
      }
    } catch (IOException e) {
      // the client stops next
    }
    client.stop();
  }
}
