package org.lamindb.bionty.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 serving the files of one folder ({@code GET /<any path>/<file
 * name>} → that file), recording every request path; {@code /missing/...} answers 404. A second
 * listener ({@link #truncatingBase()}) announces a file's full length, sends half of it and closes
 * the connection, like a dropped download.
 */
final class FileServer implements AutoCloseable {
  private final HttpServer server;
  private final ServerSocket truncating;
  private final Thread truncatingThread;
  final List<String> requests = new CopyOnWriteArrayList<>();

  FileServer(Path folder) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          requests.add(path);
          Path f = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
          if (path.startsWith("/missing/") || !Files.isRegularFile(f)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
          }
          byte[] body = Files.readAllBytes(f);
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    truncating = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    truncatingThread =
        new Thread(
            () -> {
              while (!truncating.isClosed()) {
                try (Socket s = truncating.accept()) {
                  String line =
                      new String(s.getInputStream().readNBytes(16), StandardCharsets.US_ASCII);
                  requests.add("truncated " + line.strip());
                  byte[] body = Files.readAllBytes(folder.resolve("cl-basic.obo"));
                  OutputStream out = s.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Length: "
                              + body.length
                              + "\r\nConnection: close\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(body, 0, body.length / 2);
                  out.flush();
                } catch (IOException closed) {
                  // server closed, or the client went away
                }
              }
            },
            "truncating-http");
    truncatingThread.setDaemon(true);
    truncatingThread.start();
  }

  /**
   * @return {@code http://127.0.0.1:<port>}
   */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * @return the base URL of the listener that drops every download halfway (serving cl-basic.obo)
   */
  String truncatingBase() {
    return "http://127.0.0.1:" + truncating.getLocalPort();
  }

  @Override
  public void close() {
    server.stop(0);
    try {
      truncating.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
