package org.lamindb.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting TCP proxy on 127.0.0.1 in front of an S3 endpoint, for tests: per connection it
 * forwards faithfully, resets the connection after K bytes of the request, answers HTTP 500, or
 * forwards slowly. The fault applies to the first {@code count} connections after {@link #fail} (or
 * to all of them with {@code count} &lt; 0).
 */
public final class FaultProxy implements AutoCloseable {
  /** What happens to a connection. */
  public enum Fault {
    /** Forward both ways. */
    NONE,
    /** Forward {@code resetAfter} request bytes, then reset the connection (RST). */
    RESET,
    /** Read the request head, answer {@code 500 Internal Server Error}, close. */
    HTTP_500,
    /** Forward with a pause before every chunk. */
    SLOW
  }

  private final ServerSocket server;
  private final int upstreamPort;
  private volatile Fault fault = Fault.NONE;
  private volatile int remaining;
  private volatile int resetAfter = 16_384;
  private final AtomicInteger faulted = new AtomicInteger();
  private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Starts forwarding 127.0.0.1:port() to 127.0.0.1:{@code upstreamPort}. */
  public FaultProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "fault-proxy");
    t.setDaemon(true);
    t.start();
  }

  /**
   * @return the port clients connect to
   */
  public int port() {
    return server.getLocalPort();
  }

  /** Applies {@code f} to the next {@code count} connections (all when negative). */
  public synchronized void fail(Fault f, int count) {
    this.fault = f;
    this.remaining = count;
    // pooled keep-alive connections would bypass the fault: close them so the client reconnects
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
    open.clear();
  }

  /** Sets K for {@link Fault#RESET}. */
  public void resetAfter(int bytes) {
    this.resetAfter = bytes;
  }

  /**
   * @return how many connections were given a fault so far
   */
  public int faulted() {
    return faulted.get();
  }

  private synchronized Fault next() {
    if (fault == Fault.NONE || remaining == 0) {
      return Fault.NONE;
    }
    if (remaining > 0) {
      remaining--;
    }
    faulted.incrementAndGet();
    return fault;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Fault f = next();
        open.add(client);
        Thread t = new Thread(() -> serve(client, f), "fault-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client, Fault f) {
    try (client) {
      if (f == Fault.HTTP_500) {
        InputStream in = client.getInputStream();
        String head = readHead(in).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("content-length:\\s*(\\d+)").matcher(head);
        if (m.find() && !head.contains("100-continue")) {
          in.readNBytes(Integer.parseInt(m.group(1)));
        }
        OutputStream out = client.getOutputStream();
        out.write(
            ("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
        Thread back =
            new Thread(
                () -> pump(upstream, client, Fault.NONE, Long.MAX_VALUE), "fault-proxy-back");
        back.setDaemon(true);
        back.start();
        pump(client, upstream, f, f == Fault.RESET ? resetAfter : Long.MAX_VALUE);
        if (f == Fault.RESET) {
          client.setSoLinger(true, 0); // close with RST
          upstream.setSoLinger(true, 0);
          return;
        }
        back.join();
      }
    } catch (IOException | InterruptedException e) {
      // the peer went away
    } finally {
      open.remove(client);
    }
  }

  private static void pump(Socket from, Socket to, Fault f, long limit) {
    byte[] buf = new byte[8192];
    long done = 0;
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while (done < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - done))) > 0) {
        if (f == Fault.SLOW) {
          Thread.sleep(20);
        }
        out.write(buf, 0, n);
        out.flush();
        done += n;
      }
      if (done < limit) {
        to.shutdownOutput();
      }
    } catch (IOException | InterruptedException e) {
      // closed
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      sb.append((char) b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
