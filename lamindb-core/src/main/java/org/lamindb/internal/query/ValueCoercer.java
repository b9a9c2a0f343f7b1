package org.lamindb.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.db.Database;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.Lookup;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;

/**
 * Checks and converts filter values to the Java type of the compared field ({@link
 * FieldType#javaType()}); a value of the wrong type fails with a message naming the lookup, the
 * value and the expected type.
 */
public final class ValueCoercer {
  private static final Map<String, Long> RUN_STATUS =
      Map.of(
          "scheduled",
          -3L,
          "restarted",
          -2L,
          "started",
          -1L,
          "completed",
          0L,
          "errored",
          1L,
          "aborted",
          2L);
  private static final Map<String, Long> BRANCH_STATUS =
      Map.of("closed", -2L, "merged", -1L, "standalone", 0L, "draft", 1L, "review", 2L);

  private ValueCoercer() {}

  /**
   * @param r the resolved lookup
   * @param value the raw value as passed to filter
   * @return the value in canonical Java form: a single value, a {@code List} for IN and RANGE, a
   *     Boolean for ISNULL
   */
  public static Object coerce(ResolvedLookup r, Object value) {
    Lookup l = r.lookup();
    FieldDef f = r.field();
    switch (l) {
      case ISNULL:
        if (!(value instanceof Boolean)) {
          throw new InvalidArgumentException(
              "lookup '" + r.key() + "' needs true or false, got " + describe(value));
        }
        return value;
      case IN:
        List<Object> in = new ArrayList<>();
        for (Object o : asList(value, r)) {
          if (o != null) {
            in.add(single(r, f, o));
          }
        }
        return in;
      case RANGE:
        List<?> range = asList(value, r);
        if (range.size() != 2 || range.get(0) == null || range.get(1) == null) {
          throw new InvalidArgumentException(
              "lookup '"
                  + r.key()
                  + "' needs two non-null values [low, high], got "
                  + describe(value));
        }
        checkOrdering(r, f);
        return List.of(single(r, f, range.get(0)), single(r, f, range.get(1)));
      default:
        break;
    }
    if (l.isOrdering()) {
      checkOrdering(r, f);
    }
    if (l.isTextMatch()) {
      if (!f.type().isText() && f.type() != FieldType.JSON) {
        throw new InvalidArgumentException(
            "lookup '"
                + l.token()
                + "' in '"
                + r.key()
                + "' applies to text fields; '"
                + f.name()
                + "' of "
                + r.fieldRegistry().name()
                + " is "
                + f.type().name().toLowerCase()
                + "; use exact, in, gt, lt or range");
      }
      if (!(value instanceof CharSequence)) {
        throw new InvalidArgumentException(
            "lookup '" + r.key() + "' needs a string, got " + describe(value));
      }
      if (l == Lookup.REGEX) {
        try {
          Pattern.compile(value.toString());
        } catch (PatternSyntaxException e) {
          throw new InvalidArgumentException(
              "invalid regular expression in '"
                  + r.key()
                  + "': "
                  + e.getDescription()
                  + " near index "
                  + e.getIndex()
                  + " of "
                  + describe(value));
        }
      }
      return value.toString();
    }
    if (value == null) {
      if (l != Lookup.EXACT) {
        throw new InvalidArgumentException("lookup '" + r.key() + "' needs a value, got null");
      }
      return null;
    }
    return single(r, f, value);
  }

  /**
   * Parses a value typed on a command line or in a form for lookup {@code r}: numbers, {@code
   * true}/{@code false}, ISO dates and timestamps, JSON for JSON fields; {@code a,b,c} lists for
   * {@code __in} and {@code __range}; {@code null} or an empty string for a missing value with the
   * exact lookup.
   *
   * @return the value in the form {@link #coerce} accepts
   */
  public static Object fromText(ResolvedLookup r, String text) {
    Lookup l = r.lookup();
    if (l == Lookup.ISNULL) {
      if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
        throw new InvalidArgumentException(
            "lookup '" + r.key() + "' needs true or false, got '" + text + "'");
      }
      return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
    }
    if (l == Lookup.IN || l == Lookup.RANGE) {
      List<Object> out = new ArrayList<>();
      for (String part : text.split(",", -1)) {
        out.add(scalarFromText(r, part.strip()));
      }
      return out;
    }
    if (l.isTextMatch()) {
      return text;
    }
    if (l == Lookup.EXACT
        && (text.equals("null") || (text.isEmpty() && !r.field().type().isText()))) {
      return null;
    }
    return scalarFromText(r, text);
  }

  private static Object scalarFromText(ResolvedLookup r, String t) {
    FieldDef f = r.field();
    try {
      return switch (f.type()) {
        case INTEGER ->
            f.name().equals("_status_code") && !t.matches("-?\\d+") ? t : Long.parseLong(t);
        case FLOAT -> Double.parseDouble(t);
        case BOOLEAN -> {
          if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            throw new InvalidArgumentException(
                "invalid value for '" + r.key() + "': expects true or false, got '" + t + "'");
          }
          yield Boolean.parseBoolean(t.toLowerCase(java.util.Locale.ROOT));
        }
        case JSON -> Database.json().readTree(t);
        default -> t;
      };
    } catch (NumberFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidArgumentException(
          "invalid value for '"
              + r.key()
              + "': field '"
              + f.name()
              + "' of "
              + r.fieldRegistry().name()
              + " expects "
              + f.type().name().toLowerCase(java.util.Locale.ROOT)
              + ", got '"
              + t
              + "'");
    }
  }

  private static void checkOrdering(ResolvedLookup r, FieldDef f) {
    if (f.type() == FieldType.BOOLEAN || f.type() == FieldType.JSON) {
      throw new InvalidArgumentException(
          "lookup '"
              + r.lookup().token()
              + "' in '"
              + r.key()
              + "' does not apply to "
              + f.type().name().toLowerCase()
              + " field '"
              + f.name()
              + "'; use exact or in");
    }
  }

  private static List<?> asList(Object value, ResolvedLookup r) {
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof Object[] a) {
      return Arrays.asList(a);
    }
    if (value instanceof long[] a) {
      return Arrays.stream(a).boxed().toList();
    }
    if (value instanceof int[] a) {
      return Arrays.stream(a).boxed().toList();
    }
    if (value instanceof double[] a) {
      return Arrays.stream(a).boxed().toList();
    }
    throw new InvalidArgumentException(
        "lookup '" + r.key() + "' needs a collection or array of values, got " + describe(value));
  }

  private static Object single(ResolvedLookup r, FieldDef f, Object v) {
    if (v instanceof SQLRecord<?> rec) {
      return entityId(r, f, rec);
    }
    if (f.name().equals("_status_code") && v instanceof String s) {
      String reg = r.fieldRegistry().name();
      Map<String, Long> codes =
          reg.equals("Run") ? RUN_STATUS : reg.equals("Branch") ? BRANCH_STATUS : null;
      if (codes == null || !codes.containsKey(s)) {
        throw new InvalidArgumentException(
            "unknown status '"
                + s
                + "' for "
                + reg
                + (codes == null
                    ? "; pass a status code"
                    : "; valid: " + new java.util.TreeSet<>(codes.keySet())));
      }
      return codes.get(s);
    }
    try {
      return switch (f.type()) {
        case STRING, TEXT -> {
          if (v instanceof CharSequence || v instanceof Character) {
            yield v.toString();
          }
          throw wrong(r, f, v, "a string");
        }
        case INTEGER -> {
          if (v instanceof Long
              || v instanceof Integer
              || v instanceof Short
              || v instanceof Byte) {
            yield ((Number) v).longValue();
          }
          if (v instanceof BigInteger b && b.bitLength() < 64) {
            yield b.longValue();
          }
          if ((v instanceof Double || v instanceof Float || v instanceof BigDecimal)
              && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())
              && !Double.isInfinite(((Number) v).doubleValue())) {
            yield ((Number) v).longValue();
          }
          throw wrong(r, f, v, "an integer (Long or Integer)");
        }
        case FLOAT -> {
          if (v instanceof Number n) {
            yield n.doubleValue();
          }
          throw wrong(r, f, v, "a number");
        }
        case BOOLEAN -> {
          if (v instanceof Boolean) {
            yield v;
          }
          throw wrong(r, f, v, "true or false");
        }
        case DATE -> {
          if (v instanceof LocalDate) {
            yield v;
          }
          if (v instanceof CharSequence s) {
            yield LocalDate.parse(s.toString());
          }
          throw wrong(r, f, v, "a LocalDate or ISO date string (2025-01-31)");
        }
        case DATETIME -> {
          if (v instanceof OffsetDateTime o) {
            yield o;
          }
          if (v instanceof ZonedDateTime z) {
            yield z.toOffsetDateTime();
          }
          if (v instanceof Instant in) {
            yield in.atOffset(ZoneOffset.UTC);
          }
          if (v instanceof LocalDateTime ldt) {
            yield ldt.atOffset(ZoneOffset.UTC);
          }
          if (v instanceof LocalDate d) {
            yield d.atStartOfDay().atOffset(ZoneOffset.UTC);
          }
          if (v instanceof CharSequence s) {
            yield Database.parseTimestamp(s.toString());
          }
          throw wrong(r, f, v, "an OffsetDateTime, Instant or ISO timestamp string");
        }
        case JSON -> v instanceof JsonNode ? v : Database.json().valueToTree(v);
      };
    } catch (DateTimeParseException e) {
      throw wrong(
          r, f, v, f.type() == FieldType.DATE ? "an ISO date (2025-01-31)" : "an ISO timestamp");
    } catch (IllegalArgumentException e) {
      throw wrong(r, f, v, "a JSON-serializable value");
    }
  }

  private static Long entityId(ResolvedLookup r, FieldDef f, SQLRecord<?> rec) {
    if (f.type() != FieldType.INTEGER
        || !(r.endsOnRelation() || f.name().endsWith("_id") || f.name().equals("id"))) {
      throw wrong(r, f, rec, f.type().name().toLowerCase() + " value");
    }
    RegistryDef expected = r.fieldRegistry();
    if (r.endsOnRelation() && !rec.registry().name().equals(expected.name())) {
      throw new InvalidArgumentException(
          "lookup '"
              + r.key()
              + "' needs a "
              + expected.name()
              + ", got a "
              + rec.registry().name());
    }
    if (rec.id() == null) {
      throw new InvalidArgumentException(
          rec.registry().name()
              + " "
              + rec
              + " used in '"
              + r.key()
              + "' is not saved; save it first");
    }
    return rec.id();
  }

  private static InvalidArgumentException wrong(
      ResolvedLookup r, FieldDef f, Object v, String expected) {
    String hint = "";
    if (r.endsOnRelation() && v instanceof CharSequence) {
      RegistryDef t = r.fieldRegistry();
      hint =
          "; did you mean '"
              + r.key().replaceAll("__(exact|in)$", "")
              + "__"
              + t.nameField()
              + "'?";
    }
    return new InvalidArgumentException(
        "invalid value for '"
            + r.key()
            + "': field '"
            + f.name()
            + "' of "
            + r.fieldRegistry().name()
            + " expects "
            + expected
            + ", got "
            + describe(v)
            + hint);
  }

  /**
   * @return the value and its Java type for messages
   */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    String s = v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v);
    if (s.length() > 80) {
      s = s.substring(0, 77) + "...";
    }
    return s + " (" + v.getClass().getSimpleName() + ")";
  }
}
