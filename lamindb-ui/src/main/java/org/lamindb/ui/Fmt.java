package org.lamindb.ui;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.lamindb.model.SQLRecord;

/** Formatting of values and validation of path parameters. */
final class Fmt {
  private static final Pattern UID = Pattern.compile("[A-Za-z0-9]{4,20}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Fmt() {}

  /**
   * @return path parameter {@code name}, which must be a uid (4 to 20 letters and digits)
   */
  static String uid(Context ctx, String name) {
    String v = ctx.pathParam(name);
    if (!UID.matcher(v).matches()) {
      throw new BadRequestResponse("'" + v + "' is not a uid (4 to 20 letters and digits)");
    }
    return v;
  }

  /**
   * @return path parameter {@code name}, which must be a registry or entity name
   */
  static String name(Context ctx, String name) {
    String v = ctx.pathParam(name);
    if (!NAME.matcher(v).matches()) {
      throw new BadRequestResponse("'" + v + "' is not a registry name");
    }
    return v;
  }

  /**
   * @return a positive integer query parameter, or null when absent
   */
  static Long cursor(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      long l = Long.parseLong(v);
      if (l > 0) {
        return l;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new BadRequestResponse("'" + name + "' must be a positive integer, got '" + v + "'");
  }

  /**
   * @return a value as shown in a table cell (timestamps to the second, sizes human-readable)
   */
  static String value(String column, Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof OffsetDateTime t) {
      return TIME.format(t);
    }
    if (column.equals("size") && v instanceof Long n) {
      return size(n);
    }
    if (v instanceof SQLRecord<?> r) {
      return r.uid() != null ? r.uid() : String.valueOf(r.id());
    }
    return v.toString();
  }

  /**
   * @return bytes in B / KB / MB / GB / TB with 1024 steps and one decimal
   */
  static String size(long n) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double d = n;
    int u = 0;
    while (d >= 1024 && u < units.length - 1) {
      d /= 1024;
      u++;
    }
    return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", d, units[u]);
  }
}
