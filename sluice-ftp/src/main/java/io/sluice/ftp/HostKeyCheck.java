package io.sluice.ftp;

import io.sluice.api.PluginException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Whether an SFTP server is the one meant, before a password or key is sent to it: its host key
 * must match the connection's pinned {@code hostKeyFingerprint} or an entry of its {@code
 * knownHostsFile}. Anything else is refused, a first connection included (no trust on first use: a
 * worker has nobody to ask), and the refusal shows the fingerprint so a person can check and pin
 * it.
 */
final class HostKeyCheck implements ServerKeyVerifier {

  private final String pinned;
  private final ServerKeyVerifier knownHosts;
  private volatile String rejected;

  HostKeyCheck(String fingerprint, Path knownHostsFile) {
    this.pinned = fingerprint == null || fingerprint.isBlank() ? null : normalise(fingerprint);
    this.knownHosts =
        knownHostsFile == null
            ? null
            : new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHostsFile);
  }

  /** SHA256:base64 as ssh-keygen -l prints it; the prefix may be left out. */
  private static String normalise(String fingerprint) {
    String f = fingerprint.trim();
    if (f.regionMatches(true, 0, "SHA256:", 0, 7)) {
      f = f.substring(7);
    }
    while (f.endsWith("=")) {
      f = f.substring(0, f.length() - 1);
    }
    return "SHA256:" + f;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    String fingerprint = KeyUtils.getFingerPrint(key);
    if (pinned != null && pinned.equals(normalise(fingerprint))) {
      return true;
    }
    if (knownHosts != null && knownHosts.verifyServerKey(session, remote, key)) {
      return true;
    }
    rejected = KeyUtils.getKeyType(key) + " " + fingerprint;
    return false;
  }

  /** Throws the refusal, with the key's fingerprint to pin, when this check refused the server. */
  void throwIfRejected(String server) {
    String key = rejected;
    if (key == null) {
      return;
    }
    String fingerprint = key.substring(key.indexOf(' ') + 1);
    throw new PluginException(
        "the host key of the "
            + server
            + " is not trusted ("
            + key
            + (pinned == null && knownHosts == null
                ? "; the connection pins no key"
                : pinned != null ? "; the connection pins " + pinned : "")
            + ")",
        "check that fingerprint with the server's administrator (ssh-keygen -lf"
            + " /etc/ssh/ssh_host_*_key.pub on the server), then pin it on the connection:"
            + " hostKeyFingerprint: '"
            + fingerprint
            + "', or add the host to the connection's knownHostsFile");
  }
}
