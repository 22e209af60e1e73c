package io.sluice.mail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain SMTP server that offers no AUTH, as a relay inside a company network or a developer's
 * test server does: GreenMail always offers AUTH. It takes one session at a time and records the
 * commands it was sent (their verbs).
 */
final class NoAuthSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final Thread thread;

  NoAuthSmtpServer() throws Exception {
    socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "no-auth-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<String> commands() {
    return commands;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        session(client);
      } catch (Exception e) {
        // closed, or the client hung up: wait for the next one
      }
    }
  }

  private void session(Socket client) throws Exception {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 localhost ESMTP no-auth test server");
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
      commands.add(verb);
      switch (verb) {
        case "EHLO" -> reply(out, "250-localhost\r\n250 8BITMIME");
        case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
        case "DATA" -> {
          reply(out, "354 go on");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message's lines
          }
          reply(out, "250 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws Exception {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws Exception {
    socket.close();
    thread.join(5_000);
  }
}
