package io.sluice.ftp;

import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;

/**
 * SSIS's FTP Task ({@code type: Ftp}) over an {@code ftp} or {@code sftp} connection. SSIS's
 * IsLocalPathVariable / IsRemotePathVariable are property expressions here ({@code expressions:
 * {remotePath: '@[User::RemoteFile]'}}), as for every other task; a File connection manager as the
 * local path is {@code localConnection}.
 */
final class FtpTaskPlugin implements TaskPlugin {

  static final SettingsSchema SETTINGS =
      SettingsSchema.of(
          Setting.connection("connection", "ftp|sftp")
              .required()
              .describedAs("the ftp or sftp connection (Connection)"),
          Setting.choice("operation", Operation.names()).required().describedAs("(Operation)"),
          Setting.text("localPath").describedAs("a local file, folder or pattern (LocalPath)"),
          Setting.connection("localConnection", "file")
              .describedAs("a file connection holding the local path"),
          Setting.text("remotePath").describedAs("a remote file, folder or pattern (RemotePath)"),
          Setting.bool("overwrite").describedAs("replace existing files (OverwriteFileAtDest)"),
          Setting.bool("asciiTransfer").describedAs("ASCII transfer type (IsTransferTypeASCII)"));

  @Override
  public String name() {
    return "Ftp";
  }

  @Override
  public SettingsSchema settings() {
    return SETTINGS;
  }

  @Override
  public PluginTask prepare(TaskSetup setup) {
    SettingValues s = setup.settings();
    Operation operation = Operation.of(s.text("operation"));
    if (operation == null) {
      return context -> TaskResult.FAILURE; // never runs: the schema check reported the value
    }
    if (operation.usesLocal() && s.has("localPath") == s.has("localConnection")) {
      setup.problem(
          "operation "
              + operation.word()
              + " needs exactly one of 'localPath' and 'localConnection'"
              + (s.has("localPath") ? " (both are given)" : ""));
    }
    if (!operation.usesLocal() && (s.has("localPath") || s.has("localConnection"))) {
      setup.problem("operation " + operation.word() + " takes no local path; remove it");
    }
    if (operation.usesRemote() && !s.has("remotePath")) {
      setup.problem("operation " + operation.word() + " needs 'remotePath'");
    }
    if (!operation.usesRemote() && s.has("remotePath")) {
      setup.problem("operation " + operation.word() + " takes no remote path; remove it");
    }
    return context -> new FtpRun(context, operation).run();
  }
}
