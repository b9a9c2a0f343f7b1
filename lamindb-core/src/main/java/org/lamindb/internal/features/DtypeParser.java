package org.lamindb.internal.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.ValidationException;

/**
 * Parses dtype strings of the grammar in spec §6.1 into {@link ParsedDtype}s. Syntax only; no
 * registry checks.
 */
public final class DtypeParser {
  private DtypeParser() {}

  /**
   * @param s a dtype string such as {@code float}, {@code list[str]}, {@code cat[Record[<uid>]]}
   * @return its parts
   * @throws ValidationException when the string is not a dtype
   */
  public static ParsedDtype parse(String s) {
    if (s == null || s.isBlank()) {
      throw new ValidationException(
          "a feature needs a dtype, e.g. Dtype.FLOAT or Dtype.of(sampleType)");
    }
    String t = s.trim();
    boolean list = false;
    if (t.startsWith("list[") && t.endsWith("]")) {
      list = true;
      t = t.substring(5, t.length() - 1).trim();
    }
    if (t.equals("cat")) {
      t = "cat[ULabel]"; // legacy bare `cat`
    }
    if (ParsedDtype.SIMPLE.contains(t)) {
      return new ParsedDtype(t, list, List.of());
    }
    if (t.startsWith("cat[") && t.endsWith("]")) {
      String body = t.substring(4, t.length() - 1);
      List<ParsedDtype.CatMember> members = new ArrayList<>();
      for (String m : split(body, '|')) {
        members.add(member(m.trim(), s));
      }
      if (members.isEmpty()) {
        throw invalid(s);
      }
      return new ParsedDtype("cat", list, List.copyOf(members));
    }
    if (!t.isEmpty() && Character.isUpperCase(t.charAt(0)) || t.startsWith("bionty.")) {
      // a bare registry, as LaminDB accepts for dtype=ULabel
      return new ParsedDtype("cat", list, List.of(member(t, s)));
    }
    throw invalid(s);
  }

  private static ParsedDtype.CatMember member(String m, String whole) {
    String head = m;
    String payload = null;
    String tailField = null;
    int open = m.indexOf('[');
    if (open >= 0) {
      int close = m.lastIndexOf(']');
      if (close < open) {
        throw invalid(whole);
      }
      head = m.substring(0, open);
      payload = m.substring(open + 1, close);
      String rest = m.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(".")) {
          throw invalid(whole);
        }
        tailField = rest.substring(1);
      }
    }
    String[] seg = head.split("\\.");
    int reg = -1;
    for (int i = 0; i < seg.length; i++) {
      if (!seg[i].isEmpty() && Character.isUpperCase(seg[i].charAt(0))) {
        reg = i;
        break;
      }
    }
    if (reg < 0 || reg > 1) {
      throw new ValidationException(
          "'" + head + "' is an invalid dtype, has to be registry, e.g. ULabel or bionty.CellType");
    }
    String registry = String.join(".", java.util.Arrays.copyOfRange(seg, 0, reg + 1));
    String field =
        reg + 1 < seg.length
            ? String.join(".", java.util.Arrays.copyOfRange(seg, reg + 1, seg.length))
            : null;
    if (tailField != null) {
      field = tailField;
    }
    String typeUid = null;
    Map<String, String> filters = new LinkedHashMap<>();
    if (payload != null) {
      for (String part : split(payload, ',')) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        if (eq < 0) {
          if (typeUid != null) {
            throw invalid(whole);
          }
          typeUid = p;
        } else {
          String v = p.substring(eq + 1).trim();
          if (v.length() >= 2
              && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
          }
          filters.put(p.substring(0, eq).trim(), v);
        }
      }
    }
    if ("name".equals(field)) {
      field = null;
    }
    return new ParsedDtype.CatMember(
        registry, field, typeUid, Map.copyOf(filters).isEmpty() ? Map.of() : filters);
  }

  /** Splits on {@code sep} outside brackets and quotes. */
  static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == sep && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static ValidationException invalid(String s) {
    return new ValidationException(
        "'"
            + s
            + "' is an invalid dtype; use str, int, float, num, bool, date, datetime, dict, path, url, "
            + "list[...], or cat[<Registry>] such as cat[ULabel] or cat[bionty.CellType]");
  }
}
