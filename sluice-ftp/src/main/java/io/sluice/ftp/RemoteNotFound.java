package io.sluice.ftp;

import java.io.IOException;

/** A remote path that does not exist, told apart from other failures for its hint. */
final class RemoteNotFound extends IOException {
  private static final long serialVersionUID = 1L;

  RemoteNotFound(String path, String why) {
    super(why + ": " + path);
  }
}
