package org.lamindb.internal.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.internal.db.Database;
import org.lamindb.model.SQLRecord;

/**
 * Checks a Java value against a non-categorical dtype and converts it to what LaminDB stores as
 * JSON (spec §6.3): numbers, booleans, strings (dates and date-times as ISO strings), lists and
 * maps. Strings become dates only when the feature has {@code coerce}.
 */
public final class ValueConverter {
  private static final DateTimeFormatter ISO_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private ValueConverter() {}

  /** A value that does not fit its dtype; {@link #message} says why. */
  public static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * @param simple the simple dtype ({@code int}, {@code date}, ...)
   * @param list whether the dtype is {@code list[...]}
   * @param coerce whether strings and other types may be converted
   * @param v the value (not null)
   * @return the JSON-ready value
   * @throws Mismatch when {@code v} does not fit
   */
  public static Object convert(String simple, boolean list, boolean coerce, Object v)
      throws Mismatch {
    if (list) {
      Collection<?> items = asCollection(v);
      if (items == null) {
        throw new Mismatch("failed dtype check for 'list[" + simple + "]': got " + typeName(v));
      }
      List<Object> out = new ArrayList<>();
      for (Object o : items) {
        if (o == null) {
          throw new Mismatch("failed dtype check for 'list[" + simple + "]': got a null element");
        }
        out.add(convert(simple, false, coerce, o));
      }
      return out;
    }
    switch (simple) {
      case "int":
        {
          if (v instanceof Long
              || v instanceof Integer
              || v instanceof Short
              || v instanceof Byte) {
            return ((Number) v).longValue();
          }
          if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
          }
          if (coerce) {
            try {
              if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
              }
              if (v instanceof String s) {
                return Long.parseLong(s.trim());
              }
            } catch (NumberFormatException e) {
              // falls through to the mismatch
            }
          }
          throw mismatch(simple, v, coerce);
        }
      case "float":
        {
          if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
          }
          if (v instanceof java.math.BigDecimal b) {
            return b.doubleValue();
          }
          if (coerce) {
            if (v instanceof Number n) {
              return n.doubleValue();
            }
            if (v instanceof String s) {
              try {
                return Double.parseDouble(s.trim());
              } catch (NumberFormatException e) {
                // falls through
              }
            }
          }
          throw mismatch(simple, v, coerce);
        }
      case "num":
        {
          if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
            return ((Number) v).doubleValue();
          }
          if (v instanceof Number n) {
            return n.longValue();
          }
          if (coerce && v instanceof String s) {
            try {
              return s.contains(".") || s.contains("e") || s.contains("E")
                  ? Double.parseDouble(s)
                  : Long.parseLong(s);
            } catch (NumberFormatException e) {
              // falls through
            }
          }
          throw mismatch(simple, v, coerce);
        }
      case "bool":
        {
          if (v instanceof Boolean b) {
            return b;
          }
          if (coerce
              && v instanceof String s
              && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
          }
          throw mismatch(simple, v, coerce);
        }
      case "str":
        if (v instanceof String s) {
          return s;
        }
        if (coerce && (v instanceof Number || v instanceof Boolean)) {
          return PyFormat.str(v);
        }
        throw mismatch(simple, v, coerce);
      case "path":
        if (v instanceof Path p) {
          String s = p.toString().replace('\\', '/');
          return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
        if (v instanceof String s) {
          return s;
        }
        throw mismatch(simple, v, coerce);
      case "url":
        if (v instanceof String || v instanceof java.net.URI || v instanceof java.net.URL) {
          return v.toString();
        }
        throw mismatch(simple, v, coerce);
      case "date":
        if (v instanceof LocalDate d) {
          return d.toString();
        }
        if (coerce) {
          if (v instanceof String s) {
            try {
              return LocalDate.parse(s.trim()).toString();
            } catch (DateTimeParseException e) {
              throw new Mismatch("'" + s + "' is not an ISO date (YYYY-MM-DD)");
            }
          }
          if (v instanceof LocalDateTime t) {
            return t.toLocalDate().toString();
          }
        }
        throw mismatch(simple, v, coerce);
      case "datetime":
      case "datetime64[ns, UTC]":
        if (v instanceof LocalDateTime t) {
          return isoLocal(t);
        }
        if (v instanceof OffsetDateTime t) {
          return isoOffset(t);
        }
        if (v instanceof ZonedDateTime t) {
          return isoOffset(t.toOffsetDateTime());
        }
        if (v instanceof Instant t) {
          return isoOffset(t.atOffset(ZoneOffset.UTC));
        }
        if (coerce) {
          if (v instanceof LocalDate d) {
            return isoLocal(d.atStartOfDay());
          }
          if (v instanceof String s) {
            String x = s.trim();
            try {
              return isoOffset(OffsetDateTime.parse(x));
            } catch (DateTimeParseException e) {
              try {
                return isoLocal(
                    x.length() == 10 ? LocalDate.parse(x).atStartOfDay() : LocalDateTime.parse(x));
              } catch (DateTimeParseException e2) {
                throw new Mismatch("'" + s + "' is not an ISO date-time (YYYY-MM-DDTHH:MM:SS)");
              }
            }
          }
        }
        throw mismatch(simple, v, coerce);
      case "dict":
        if (v instanceof Map<?, ?> m) {
          Map<String, Object> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), jsonReady(e.getValue()));
          }
          return out;
        }
        if (v instanceof JsonNode j && j.isObject()) {
          return Database.json().convertValue(j, Map.class);
        }
        throw mismatch(simple, v, coerce);
      default:
        return jsonReady(v);
    }
  }

  /**
   * @param d the dtype
   * @param t a value as text
   * @return the typed value when {@code t} parses for the dtype, else {@code t} itself (validation
   *     reports it)
   */
  public static Object fromText(ParsedDtype d, String t) {
    String s = t.trim();
    try {
      switch (d.isCategorical() ? "cat" : d.simple()) {
        case "int":
          return Long.parseLong(s);
        case "float":
          return Double.parseDouble(s);
        case "num":
          return s.matches("-?\\d+") ? (Object) Long.parseLong(s) : Double.parseDouble(s);
        case "bool":
          return s.equalsIgnoreCase("true")
              ? Boolean.TRUE
              : s.equalsIgnoreCase("false") ? Boolean.FALSE : t;
        case "date":
          return LocalDate.parse(s);
        case "datetime":
          return LocalDateTime.parse(s);
        case "datetime64[ns, UTC]":
          return OffsetDateTime.parse(s);
        case "dict":
          return Database.json().readValue(s, Map.class);
        default:
          return t;
      }
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      return t;
    }
  }

  /**
   * @return {@code v} with nested dates and records turned into JSON-ready values
   */
  static Object jsonReady(Object v) {
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof LocalDateTime t) {
      return isoLocal(t);
    }
    if (v instanceof OffsetDateTime t) {
      return isoOffset(t);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), jsonReady(x)));
      return out;
    }
    Collection<?> c = asCollection(v);
    if (c != null) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(jsonReady(x)));
      return out;
    }
    return v;
  }

  /**
   * @return {@code v} as a collection (lists, sets, arrays), or null when it is a single value
   */
  public static Collection<?> asCollection(Object v) {
    if (v instanceof Collection<?> c) {
      return c;
    }
    if (v instanceof Object[] a) {
      return java.util.Arrays.asList(a);
    }
    if (v instanceof int[] a) {
      return java.util.Arrays.stream(a).boxed().toList();
    }
    if (v instanceof long[] a) {
      return java.util.Arrays.stream(a).boxed().toList();
    }
    if (v instanceof double[] a) {
      return java.util.Arrays.stream(a).boxed().toList();
    }
    return null;
  }

  /**
   * @return Python's isoformat of a naive date-time
   */
  public static String isoLocal(LocalDateTime t) {
    String s = ISO_SECONDS.format(t);
    int micros = t.getNano() / 1000;
    return micros == 0 ? s : s + String.format(".%06d", micros);
  }

  /**
   * @return Python's isoformat of an aware date-time ({@code +00:00}, never {@code Z})
   */
  public static String isoOffset(OffsetDateTime t) {
    String off = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
    return isoLocal(t.toLocalDateTime()) + off;
  }

  /**
   * @return a Python-ish type name of {@code v} for messages
   */
  public static String typeName(Object v) {
    if (v instanceof String) {
      return "str";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
      return "float";
    }
    if (v instanceof Number) {
      return "int";
    }
    if (v instanceof LocalDate) {
      return "date";
    }
    if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
      return "datetime";
    }
    if (v instanceof Map<?, ?>) {
      return "dict";
    }
    if (asCollection(v) != null) {
      return "list";
    }
    if (v instanceof SQLRecord<?> r) {
      return r.registry().name();
    }
    return v.getClass().getSimpleName();
  }

  private static Mismatch mismatch(String simple, Object v, boolean coerce) {
    String hint =
        coerce || !(v instanceof String || v instanceof Number)
            ? ""
            : " (set coerce(true) on the feature to convert such values)";
    return new Mismatch(
        "failed dtype check for '" + simple + "': got " + typeName(v) + " " + show(v) + hint);
  }

  /**
   * @return {@code v} for messages: strings quoted
   */
  public static String show(Object v) {
    return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }
}
