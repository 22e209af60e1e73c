package io.sluice.engine.runtime.task.filesystem;

import java.util.Arrays;
import java.util.List;

/** The File System task's operations, named as SSIS's (camel case). */
enum FileOperation {
  COPY_FILE("copyFile", true),
  MOVE_FILE("moveFile", true),
  RENAME_FILE("renameFile", true),
  DELETE_FILE("deleteFile", false),
  COPY_DIRECTORY("copyDirectory", true),
  MOVE_DIRECTORY("moveDirectory", true),
  DELETE_DIRECTORY("deleteDirectory", false),
  DELETE_DIRECTORY_CONTENT("deleteDirectoryContent", false),
  CREATE_DIRECTORY("createDirectory", false);

  static final List<String> NAMES = Arrays.stream(values()).map(o -> o.name).toList();

  private final String name;
  private final boolean needsDestination;

  FileOperation(String name, boolean needsDestination) {
    this.name = name;
    this.needsDestination = needsDestination;
  }

  String ssisName() {
    return name;
  }

  boolean needsDestination() {
    return needsDestination;
  }

  static FileOperation fromName(String name) {
    return Arrays.stream(values()).filter(o -> o.name.equals(name)).findFirst().orElse(null);
  }
}
