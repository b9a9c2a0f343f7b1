package org.lamindb.ui;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.Objects;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.NotFoundException;
import org.lamindb.ValidationException;

/**
 * The {@code lamin ui} web server: server-rendered pages over one instance, bound to 127.0.0.1 by
 * default. Writes need the per-start token of {@link #url()} (kept in a cookie) and a CSRF token; a
 * read-only server refuses every write.
 *
 * <pre>{@code
 * try (LaminDB ln = LaminDB.connect();
 *     UiServer ui = UiServer.builder(ln).port(0).start()) {
 *   System.out.println(ui.url());   // http://127.0.0.1:<port>/?token=...
 * }
 * }</pre>
 */
public final class UiServer implements AutoCloseable {
  /** Default port of {@code lamin ui}. */
  public static final int DEFAULT_PORT = 8765;

  private final LaminDB ln;
  private final Security security;
  private final String host;
  private final Facets facets;
  private final Javalin app;

  private UiServer(Builder b) {
    this.ln = b.ln;
    this.host = b.host;
    this.security = new Security(b.readOnly);
    this.facets = new Facets(b.ln);
    this.app = Javalin.create(this::configure);
  }

  /**
   * @param ln the instance to serve (the caller keeps ownership and closes it)
   * @return a builder; {@link Builder#start()} starts the server
   */
  public static Builder builder(LaminDB ln) {
    return new Builder(Objects.requireNonNull(ln, "ln"));
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.staticFiles.enableWebjars();
    config.staticFiles.add(
        s -> {
          s.hostedPath = "/static";
          s.directory = "/org/lamindb/ui/static";
          s.location = Location.CLASSPATH;
        });
    var r = config.routes;
    r.before(this::before);
    r.get("/", ctx -> ctx.redirect("/artifacts"));
    new EntityPages(this).register(r);
    r.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
    r.exception(ValidationException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    r.exception(InvalidArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
    r.exception(LaminException.class, (e, ctx) -> error(ctx, 500, e.getMessage()));
  }

  private void before(Context ctx) {
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
            + " data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action"
            + " 'self'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    if (security.acceptTokenFromUrl(ctx)) {
      ctx.skipRemainingHandlers();
      return;
    }
    if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
      security.checkWrite(ctx);
    }
  }

  private void error(Context ctx, int status, String message) {
    ctx.status(status);
    Html h = new Html().raw("<div class=\"error\" role=\"alert\">").text(message).raw("</div>");
    if (ctx.header("HX-Request") != null) {
      ctx.html(h.toString());
    } else {
      ctx.html(Layout.page(this, "Error " + status, h.toString()));
    }
  }

  /**
   * @return the instance served
   */
  public LaminDB ln() {
    return ln;
  }

  Security security() {
    return security;
  }

  Facets facets() {
    return facets;
  }

  /**
   * @return whether writes are refused
   */
  public boolean readOnly() {
    return security.readOnly();
  }

  /**
   * @return the port the server listens on
   */
  public int port() {
    return app.port();
  }

  /**
   * @return the base URL without token, e.g. {@code http://127.0.0.1:8765}
   */
  public String baseUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port();
  }

  /**
   * @return the URL to open, with the per-start token that enables writes
   */
  public String url() {
    return baseUrl() + "/?token=" + security.token();
  }

  /**
   * @return the per-start token
   */
  public String token() {
    return security.token();
  }

  /** Stops the server (the instance handle stays open). */
  @Override
  public void close() {
    app.stop();
    facets.close();
  }

  /** Options of a server start. */
  public static final class Builder {
    private final LaminDB ln;
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private boolean readOnly;

    private Builder(LaminDB ln) {
      this.ln = ln;
    }

    /**
     * @param host the address to bind; anything but loopback exposes the instance to the network
     */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new InvalidArgumentException("--host must not be empty; the default is 127.0.0.1");
      }
      this.host = host;
      return this;
    }

    /**
     * @param port the TCP port, 0 for any free port
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new InvalidArgumentException("--port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * @param readOnly true refuses every write
     */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /**
     * @return true when {@code host} is not a loopback address
     */
    public boolean exposed() {
      return !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1"));
    }

    /**
     * @return the started server
     */
    public UiServer start() {
      UiServer s = new UiServer(this);
      s.app.start(host, port);
      return s;
    }
  }
}
