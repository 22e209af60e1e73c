package io.sluice.ftp;

/** SSIS's FTP operations, by the word a package writes. */
enum Operation {
  SEND("send", true, true),
  RECEIVE("receive", true, true),
  DELETE_LOCAL("deleteLocal", true, false),
  DELETE_REMOTE("deleteRemote", false, true),
  CREATE_LOCAL_DIRECTORY("createLocalDirectory", true, false),
  REMOVE_LOCAL_DIRECTORY("removeLocalDirectory", true, false),
  CREATE_REMOTE_DIRECTORY("createRemoteDirectory", false, true),
  REMOVE_REMOTE_DIRECTORY("removeRemoteDirectory", false, true);

  private final String word;
  private final boolean local;
  private final boolean remote;

  Operation(String word, boolean local, boolean remote) {
    this.word = word;
    this.local = local;
    this.remote = remote;
  }

  String word() {
    return word;
  }

  boolean usesLocal() {
    return local;
  }

  boolean usesRemote() {
    return remote;
  }

  /** Whether the task talks to the server at all (the local-only operations do not connect). */
  boolean needsServer() {
    return remote;
  }

  static String[] names() {
    Operation[] all = values();
    String[] words = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      words[i] = all[i].word;
    }
    return words;
  }

  static Operation of(String word) {
    for (Operation o : values()) {
      if (o.word.equals(word)) {
        return o;
      }
    }
    return null;
  }
}
