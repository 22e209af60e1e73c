package io.sluice.ftp;

import io.sluice.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/** {@link RemoteFiles} over FTP, or FTPS (FTP over TLS), with Apache Commons Net's client. */
final class FtpFiles implements RemoteFiles {

  private final FTPClient client;
  private final String server;

  /** A transfer failed midway: the server may still wait on it, so QUIT would wait too. */
  private boolean broken;

  private FtpFiles(FTPClient client, String server) {
    this.client = client;
    this.server = server;
  }

  /**
   * Connects and logs in.
   *
   * @param timeout SSIS's Timeout: connecting and each wait for the server's reply or data
   * @param chunkSize SSIS's ChunkSize, in KB: the transfer buffer
   */
  static FtpFiles open(
      String host,
      int port,
      String user,
      String password,
      boolean passive,
      Duration timeout,
      int chunkSize,
      Encryption encryption,
      String certificateFingerprint) {
    String server =
        (encryption == Encryption.NONE ? "FTP server " : "FTPS server ") + host + ":" + port;
    CertificateCheck certificates = null;
    FTPClient client;
    if (encryption == Encryption.NONE) {
      client = new FTPClient();
    } else {
      certificates = new CertificateCheck(certificateFingerprint);
      FTPSClient tls = new FTPSClient("TLS", encryption == Encryption.IMPLICIT);
      tls.setTrustManager(certificates);
      // the certificate must name the host, unless the connection pins the certificate itself
      tls.setEndpointCheckingEnabled(!certificates.isPinned());
      client = tls;
    }
    client.setConnectTimeout((int) timeout.toMillis());
    client.setDefaultTimeout((int) timeout.toMillis());
    client.setDataTimeout(timeout);
    client.setBufferSize(Math.max(1, chunkSize) * 1024);
    try {
      client.connect(host, port);
      client.setSoTimeout((int) timeout.toMillis());
      if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
        String reply = reply(client);
        quietlyDisconnect(client);
        throw new PluginException(
            "the " + server + " refused the connection: " + reply,
            "check the connection's server and port");
      }
      if (client instanceof FTPSClient tls) {
        // the data connections too: files are as secret as the password
        tls.execPBSZ(0);
        tls.execPROT("P");
      }
      if (!client.login(user == null ? "anonymous" : user, password == null ? "" : password)) {
        String reply = reply(client);
        quietlyDisconnect(client);
        throw new PluginException(
            "the " + server + " refused the login of user '" + user + "': " + reply,
            "check the connection's user and password (set the password from a sensitive"
                + " parameter: expressions: {password: '@[$Project::FtpPassword]'})");
      }
      if (passive) {
        client.enterLocalPassiveMode();
      } else {
        client.enterLocalActiveMode();
      }
      client.setFileType(FTP.BINARY_FILE_TYPE);
      return new FtpFiles(client, server);
    } catch (IOException e) {
      quietlyDisconnect(client);
      if (certificates != null) {
        certificates.throwIfRejected(server);
      }
      throw new PluginException(
          "cannot connect to the " + server + ": " + Errors.describe(e),
          "check the connection's server and port, and that the server is reachable from here");
    }
  }

  @Override
  public String describe() {
    return server;
  }

  @Override
  public boolean supportsAscii() {
    return true;
  }

  @Override
  public List<Entry> list(String directory) throws IOException {
    if (!isDirectory(directory)) {
      throw new RemoteNotFound(directory, "the remote directory does not exist");
    }
    FTPFile[] files = client.listFiles(directory);
    check("list " + directory);
    List<Entry> entries = new ArrayList<>();
    for (FTPFile f : files) {
      if (f == null || f.getName() == null) {
        continue;
      }
      String name = f.getName();
      int slash = name.lastIndexOf('/');
      name = slash >= 0 ? name.substring(slash + 1) : name;
      if (!name.equals(".") && !name.equals("..")) {
        entries.add(new Entry(name, f.isDirectory()));
      }
    }
    return entries;
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    String here = client.printWorkingDirectory();
    boolean is = client.changeWorkingDirectory(path);
    if (is && here != null) {
      client.changeWorkingDirectory(here);
    }
    return is;
  }

  @Override
  public void upload(InputStream in, String remote, boolean ascii) throws IOException {
    type(ascii);
    boolean stored = false;
    try {
      stored = client.storeFile(remote, in);
    } finally {
      broken |= !stored;
    }
    if (!stored) {
      throw failure("store " + remote);
    }
  }

  @Override
  public void download(String remote, OutputStream out, boolean ascii) throws IOException {
    type(ascii);
    boolean retrieved = false;
    try {
      retrieved = client.retrieveFile(remote, out);
    } finally {
      broken |= !retrieved;
    }
    if (!retrieved) {
      throw failure("retrieve " + remote);
    }
  }

  @Override
  public void delete(String remote) throws IOException {
    if (!client.deleteFile(remote)) {
      throw failure("delete " + remote);
    }
  }

  @Override
  public void createDirectory(String remote) throws IOException {
    if (!client.makeDirectory(remote)) {
      throw failure("create directory " + remote);
    }
  }

  @Override
  public void removeDirectory(String remote) throws IOException {
    if (!client.removeDirectory(remote)) {
      throw failure("remove directory " + remote);
    }
  }

  private void type(boolean ascii) throws IOException {
    if (!client.setFileType(ascii ? FTP.ASCII_FILE_TYPE : FTP.BINARY_FILE_TYPE)) {
      throw failure("set the transfer type");
    }
  }

  private void check(String what) throws IOException {
    if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
      throw failure(what);
    }
  }

  private IOException failure(String what) {
    return new IOException("the server answered " + reply(client) + " to " + what);
  }

  private static String reply(FTPClient client) {
    String text = client.getReplyString();
    return text == null ? String.valueOf(client.getReplyCode()) : text.strip().replace("\r\n", " ");
  }

  @Override
  public void close() {
    if (!broken) {
      try {
        client.logout();
      } catch (IOException e) {
        // the session ends either way
      }
    }
    quietlyDisconnect(client);
  }

  private static void quietlyDisconnect(FTPClient client) {
    if (client.isConnected()) {
      try {
        client.disconnect();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }
}
