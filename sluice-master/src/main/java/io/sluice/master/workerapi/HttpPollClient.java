package io.sluice.master.workerapi;

import io.javalin.http.Context;
import io.sluice.master.dispatch.PollClient;
import io.sluice.master.http.Json;
import io.sluice.protocol.worker.PollReply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * A long poll's HTTP exchange. Jetty keeps reading a connection whose request is waiting, so it
 * sees the worker close it (or die: its operating system closes it) and the connection's end point
 * reads closed from then on. The answer is written and flushed here, not left to the framework, so
 * that a failed write is known to the dispatcher, which then gives the tasks back.
 */
final class HttpPollClient implements PollClient {

  private final Context ctx;
  private final EndPoint endPoint;

  HttpPollClient(Context ctx) {
    this.ctx = ctx;
    this.endPoint =
        ServletContextRequest.getServletContextRequest(ctx.req())
            .getConnectionMetaData()
            .getConnection()
            .getEndPoint();
  }

  @Override
  public boolean connected() {
    if (!endPoint.isOpen()) {
      return false;
    }
    try {
      // Reads what has arrived into the TLS layer's own buffer (nothing fits in an empty one), so
      // a request the worker might send next stays for Jetty; -1 means the worker closed.
      return endPoint.fill(ByteBuffer.allocate(0)) >= 0;
    } catch (IOException e) {
      return false; // the connection broke
    }
  }

  @Override
  public boolean deliver(PollReply reply) {
    if (!endPoint.isOpen()) {
      return false;
    }
    try {
      byte[] body = Json.MAPPER.writeValueAsBytes(reply);
      ctx.status(200).contentType("application/json");
      ctx.res().setContentLength(body.length);
      OutputStream out = ctx.res().getOutputStream();
      out.write(body);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
