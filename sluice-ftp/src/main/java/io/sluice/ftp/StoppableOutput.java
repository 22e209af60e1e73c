package io.sluice.ftp;

import io.sluice.api.task.TaskContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A file being received, which ends the transfer when the execution is stopped. */
final class StoppableOutput extends FilterOutputStream {

  private final TaskContext context;

  StoppableOutput(OutputStream out, TaskContext context) {
    super(out);
    this.context = context;
  }

  @Override
  public void write(int b) throws IOException {
    Stopped.check(context);
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Stopped.check(context);
    out.write(b, off, len);
  }
}
