package io.sluice.ftp;

import io.sluice.api.task.TaskContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file being sent, which ends the transfer when the execution is stopped: neither client's
 * blocking socket answers a thread interrupt, so the check is made at each chunk read.
 */
final class StoppableInput extends FilterInputStream {

  private final TaskContext context;

  StoppableInput(InputStream in, TaskContext context) {
    super(in);
    this.context = context;
  }

  @Override
  public int read() throws IOException {
    Stopped.check(context);
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Stopped.check(context);
    return super.read(b, off, len);
  }
}
