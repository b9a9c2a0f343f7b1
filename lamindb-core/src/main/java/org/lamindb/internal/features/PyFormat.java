package org.lamindb.internal.features;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.lamindb.internal.storage.Hashing;

/**
 * Python's {@code str()} / {@code repr()} and {@code json.dumps(sort_keys=True)} of JSON-like Java
 * values, so that JsonValue hashes match LaminDB's (spec §1.10, §15): {@code True}, {@code 42},
 * {@code 3.14}, {@code 1e-05}, {@code ['a', 'b']}.
 */
public final class PyFormat {
  private PyFormat() {}

  /**
   * @return LaminDB's JsonValue hash of {@code v} (a converted value: number, boolean, string, list
   *     or map)
   */
  public static String jsonValueHash(Object v) {
    String s = v instanceof Map<?, ?> m ? jsonDumps(m) : str(v);
    return Hashing.hashString(s);
  }

  /**
   * @return Python {@code str(v)}
   */
  public static String str(Object v) {
    return v instanceof String s ? s : repr(v);
  }

  /**
   * @return Python {@code repr(v)}
   */
  public static String repr(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double || v instanceof Float) {
      return floatRepr(((Number) v).doubleValue());
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    if (v instanceof String s) {
      return stringRepr(s);
    }
    if (v instanceof Collection<?> c) {
      StringBuilder b = new StringBuilder("[");
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        b.append(repr(o));
      }
      return b.append(']').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        b.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
      }
      return b.append('}').toString();
    }
    return stringRepr(v.toString());
  }

  /**
   * @return Python's shortest round-trip float repr ({@code 0.55}, {@code 1.0}, {@code 1e+20},
   *     {@code 1e-05})
   */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 16) {
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign
          + mant
          + "e"
          + (exp < 0 ? "-" : "+")
          + (Math.abs(exp) < 10 ? "0" : "")
          + Math.abs(exp);
    }
    String plain = bd.abs().toPlainString();
    if (!plain.contains(".")) {
      plain = plain + ".0";
    }
    return sign + plain;
  }

  private static String stringRepr(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == q || c == '\\') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(q).toString();
  }

  /**
   * @return Python {@code json.dumps(v, sort_keys=True)} with default separators and ensure_ascii
   */
  public static String jsonDumps(Object v) {
    StringBuilder b = new StringBuilder();
    dump(v, b);
    return b.toString();
  }

  private static void dump(Object v, StringBuilder b) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Boolean x) {
      b.append(x ? "true" : "false");
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      b.append(
          Double.isNaN(d)
              ? "NaN"
              : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : floatRepr(d));
    } else if (v instanceof Number n) {
      b.append(n);
    } else if (v instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        dumpString(e.getKey(), b);
        b.append(": ");
        dump(e.getValue(), b);
      }
      b.append('}');
    } else if (v instanceof Collection<?> c) {
      b.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        dump(o, b);
      }
      b.append(']');
    } else {
      dumpString(v.toString(), b);
    }
  }

  private static void dumpString(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
