package org.lamindb.ui;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Write protection of one server start: a random token printed with the URL ({@code ?token=...}),
 * kept in an HttpOnly SameSite=Strict cookie after the first visit, and a random CSRF token that
 * every write form carries ({@code _csrf}, or header {@code X-CSRF-Token} for htmx). A write needs
 * both; read-only mode refuses every write.
 */
final class Security {
  static final String COOKIE = "lamin_ui_token";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final String token;
  private final String csrf;
  private final boolean readOnly;

  Security(boolean readOnly) {
    this.token = random();
    this.csrf = random();
    this.readOnly = readOnly;
  }

  private static String random() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  String token() {
    return token;
  }

  String csrf() {
    return csrf;
  }

  boolean readOnly() {
    return readOnly;
  }

  /**
   * @return true when the request carries the start token in its cookie
   */
  boolean hasToken(Context ctx) {
    return same(ctx.cookie(COOKIE), token);
  }

  /**
   * Moves a {@code ?token=} from the URL into the cookie and redirects to the same page without it.
   *
   * @return true when it redirected
   */
  boolean acceptTokenFromUrl(Context ctx) {
    String t = ctx.queryParam("token");
    if (t == null) {
      return false;
    }
    if (!same(t, token)) {
      throw new ForbiddenResponse("wrong token: use the URL that `lamin ui` printed");
    }
    io.javalin.http.Cookie c =
        new io.javalin.http.Cookie(COOKIE, token, "/", -1, false, true, null, SameSite.STRICT);
    c.setHttpOnly(true);
    c.setPath("/");
    c.setSameSite(SameSite.STRICT);
    ctx.cookie(c);
    ctx.redirect(ctx.path());
    return true;
  }

  /** Refuses a write without token cookie and CSRF token, or in read-only mode. */
  void checkWrite(Context ctx) {
    if (readOnly) {
      throw new ForbiddenResponse("this server is read-only (started with --read-only)");
    }
    if (!hasToken(ctx)) {
      throw new ForbiddenResponse(
          "writes need the token: open the URL that `lamin ui` printed (…/?token=...) first");
    }
    String given = ctx.header(CSRF_HEADER);
    if (given == null) {
      given = ctx.formParam(CSRF_FIELD);
    }
    if (!same(given, csrf)) {
      throw new ForbiddenResponse("missing or wrong CSRF token: reload the page and try again");
    }
  }

  /**
   * @return the hidden CSRF input of a write form
   */
  String csrfInput() {
    return "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + csrf + "\">";
  }

  private static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
