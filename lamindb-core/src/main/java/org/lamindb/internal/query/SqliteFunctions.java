package org.lamindb.internal.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * SQL functions SQLite lacks, registered once per physical connection: {@code lamin_lower(x)}
 * (Unicode lower case, as Java's {@code toLowerCase(Locale.ROOT)}; SQLite's {@code lower} only
 * folds ASCII) and {@code lamin_regexp(text, pattern)} (1 when the Java regex is found in the
 * text).
 */
public final class SqliteFunctions {
  private static final Set<SQLiteConnection> DONE =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private SqliteFunctions() {}

  /**
   * Registers the functions on {@code c} (a pooled connection wrapping a SQLite one) unless already
   * done.
   */
  public static void ensure(Connection c) throws SQLException {
    SQLiteConnection sc = c.unwrap(SQLiteConnection.class);
    if (DONE.contains(sc)) {
      return;
    }
    Function.create(
        sc,
        "lamin_lower",
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            String s = value_text(0);
            if (s == null) {
              result();
            } else {
              result(s.toLowerCase(Locale.ROOT));
            }
          }
        },
        1,
        Function.FLAG_DETERMINISTIC);
    Function.create(
        sc,
        "lamin_regexp",
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            String s = value_text(0);
            String p = value_text(1);
            if (s == null || p == null) {
              result();
              return;
            }
            if (PATTERNS.size() > 1000) {
              PATTERNS.clear();
            }
            result(PATTERNS.computeIfAbsent(p, Pattern::compile).matcher(s).find() ? 1 : 0);
          }
        },
        2,
        Function.FLAG_DETERMINISTIC);
    DONE.add(sc);
  }
}
