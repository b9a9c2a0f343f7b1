package org.lamindb.internal.lineage;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret redaction as LaminDB does it (spec §5.4, §5.8): parameter keys with sensitive names and
 * quoted literals assigned to sensitive names in source code are replaced by {@value #REDACTED}; so
 * are PostgreSQL URLs with inline credentials. Environment lookups ({@code System.getenv("TOKEN")})
 * are left alone: their values are not literals.
 */
public final class SecretRedaction {
  /** The replacement text. */
  public static final String REDACTED = "***REDACTED***";

  private static final Pattern SENSITIVE =
      Pattern.compile(
          "(^|[_\\-.])(api_?key|access_?key|secret|token|password|passwd|private_?key|client_?secret)($|[_\\-.])");

  private static final Pattern PG_URL_WITH_CREDENTIALS =
      Pattern.compile(
          "postgres(ql)?(\\+\\w+)?://[^:/@\\s\"']+:[^@\\s\"']+@", Pattern.CASE_INSENSITIVE);

  // name = "v", name := "v", name: "v", "name": "v", "name", "v" (Java Map.of / put / setProperty)
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?<name>\"[^\"\\n]{1,100}\"|'[^'\\n]{1,100}'|\\b[A-Za-z_$][\\w$.\\-]{0,100})"
              + "(?<op>\\s*(?::=|(?<![=!<>+\\-*/%&|^])=(?!=)|:|,)\\s*)"
              + "(?<q>\"|')(?<value>(?:\\\\.|(?!\\k<q>)[^\\\\\\n])*)\\k<q>");

  private static final Pattern QUOTED =
      Pattern.compile("(?<q>\"|')(?<value>(?:\\\\.|(?!\\k<q>)[^\\\\\\n])*)\\k<q>");

  private SecretRedaction() {}

  /**
   * @return true when {@code name} (any case style) names a secret, e.g. {@code apiKey}, {@code
   *     DB_PASSWORD}
   */
  public static boolean isSensitiveName(String name) {
    if (name == null) {
      return false;
    }
    return SENSITIVE.matcher(snakeCase(name)).find();
  }

  /**
   * @return true when {@code value} is a PostgreSQL URL with a password in it
   */
  public static boolean isCredentialUrl(String value) {
    return value != null && PG_URL_WITH_CREDENTIALS.matcher(value).find();
  }

  /**
   * @return {@code name} in snake case: {@code apiKey} → {@code api_key}, {@code DB-TOKEN} → {@code
   *     db-token}
   */
  static String snakeCase(String name) {
    String s =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * @param source program source code
   * @return the source with literal secrets replaced (quotes kept)
   */
  public static String redactSource(String source) {
    if (source == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(source.length());
    Matcher m = ASSIGNMENT.matcher(source);
    int last = 0;
    while (m.find()) {
      String rawName = m.group("name");
      String name = unquote(rawName);
      String value = m.group("value");
      boolean quotedName = rawName.startsWith("\"") || rawName.startsWith("'");
      if (m.group("op").contains(",") && !quotedName) {
        continue; // f(token, "x") forwards a variable; only "token", "x" pairs are literals
      }
      if (isSensitiveName(name) || isCredentialUrl(value)) {
        out.append(source, last, m.start("value")).append(REDACTED);
        last = m.end("value");
      }
    }
    out.append(source, last, source.length());
    // credential URLs in any other literal (e.g. passed straight to a method)
    String partly = out.toString();
    StringBuilder out2 = new StringBuilder(partly.length());
    Matcher q = QUOTED.matcher(partly);
    last = 0;
    while (q.find()) {
      if (isCredentialUrl(q.group("value"))) {
        out2.append(partly, last, q.start("value")).append(REDACTED);
        last = q.end("value");
      }
    }
    out2.append(partly, last, partly.length());
    return out2.toString();
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
      return s.substring(1, s.length() - 1);
    }
    int dot = s.lastIndexOf('.');
    return dot >= 0 && dot < s.length() - 1 ? s.substring(dot + 1) : s;
  }
}
