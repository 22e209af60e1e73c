package io.sluice.ftp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Real FTP and SFTP servers for the tests (sluice-cli's too, through the test-jar), on free ports
 * of 127.0.0.1, user bob / s3cret-pw.
 */
public final class TestServers {

  public static final String USER = "bob";
  public static final String PASSWORD = "s3cret-pw";

  /** An FTP user whose transfers the server holds to 8 KB/s, to stop a transfer midway. */
  public static final String SLOW_USER = "slow";

  private TestServers() {}

  /** Apache FtpServer serving {@code root}. */
  public static final class Ftp implements AutoCloseable {
    public final FtpServer server;
    public final int port;
    public final Path root;

    public Ftp(Path root) throws Exception {
      this(root, null, null, false);
    }

    /**
     * An FTPS server when {@code keystore} (PKCS12, its password {@code keystorePassword}) is
     * given: explicit (AUTH TLS) or {@code implicit}.
     */
    public Ftp(Path root, Path keystore, String keystorePassword, boolean implicit)
        throws Exception {
      this.root = root;
      FtpServerFactory factory = new FtpServerFactory();
      ListenerFactory listener = new ListenerFactory();
      listener.setServerAddress("127.0.0.1");
      listener.setPort(0);
      if (keystore != null) {
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keystore.toFile());
        ssl.setKeystoreType("PKCS12");
        ssl.setKeystorePassword(keystorePassword);
        ssl.setKeyPassword(keystorePassword);
        listener.setSslConfiguration(ssl.createSslConfiguration());
        listener.setImplicitSsl(implicit);
      }
      factory.addListener("default", listener.createListener());
      PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
      users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
      UserManager manager = users.createUserManager();
      BaseUser bob = new BaseUser();
      bob.setName(USER);
      bob.setPassword(PASSWORD);
      bob.setHomeDirectory(root.toString());
      bob.setAuthorities(List.<Authority>of(new WritePermission()));
      manager.save(bob);
      BaseUser slow = new BaseUser();
      slow.setName(SLOW_USER);
      slow.setPassword(PASSWORD);
      slow.setHomeDirectory(root.toString());
      slow.setAuthorities(
          List.<Authority>of(new WritePermission(), new TransferRatePermission(8192, 8192)));
      manager.save(slow);
      factory.setUserManager(manager);
      server = factory.createServer();
      server.start();
      port = factory.getListener("default").getPort();
    }

    @Override
    public void close() {
      server.stop();
    }
  }

  /** Apache MINA SSHD with its SFTP subsystem serving {@code root}; accepts {@code key} too. */
  public static final class Sftp implements AutoCloseable {
    public final SshServer server;
    public final int port;
    public final Path root;
    public final String fingerprint;

    public Sftp(Path root, Path hostKeyFile, KeyPair userKey) throws Exception {
      this.root = root;
      server = SshServer.setUpDefaultServer();
      server.setHost("127.0.0.1");
      server.setPort(0);
      SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
      hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
      server.setKeyPairProvider(hostKeys);
      server.setPasswordAuthenticator(
          (user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
      server.setPublickeyAuthenticator(
          (user, key, session) ->
              USER.equals(user)
                  && userKey != null
                  && KeyUtils.compareKeys(key, userKey.getPublic()));
      server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
      server.setFileSystemFactory(new VirtualFileSystemFactory(root));
      server.start();
      port = server.getPort();
      fingerprint = KeyUtils.getFingerPrint(hostKeys.loadKeys(null).iterator().next().getPublic());
    }

    @Override
    public void close() throws Exception {
      server.stop(true);
    }
  }

  public static Path folder(Path parent, String name) throws Exception {
    return Files.createDirectories(parent.resolve(name));
  }
}
