package org.lamindb.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.query.support.Measurement;
import org.lamindb.testing.Backend;

/**
 * Property-style check: random condition trees (seeded) over random rows must select exactly the
 * rows that a straightforward in-memory evaluation of the same conditions selects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PropertyContract {
  static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
  static final List<String> TEXTS =
      Arrays.asList(
          "apple", "apricot", "banana", "band", "cherry", "Cherry", "a_b", "a%b", "ümlaut", "x y|z",
          null);
  static final List<String> PATTERNS = List.of("^a", "n$", "an", "[bc]h", "^.{4}$", "_", "%");
  static final List<Double> FLOATS = Arrays.asList(-1.5, 0.0, 0.5, 2.25, 1e3, null);

  LaminDB ln;
  final List<Map<String, Object>> rows = new ArrayList<>();
  final Map<Long, Integer> index = new HashMap<>();

  abstract Backend backend();

  @BeforeAll
  void setUp(@TempDir Path tmp) {
    ln = backend().newInstance(tmp);
    Measurement.createTable(ln);
    Random r = new Random(42);
    for (int i = 0; i < 120; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", pick(r, TEXTS));
      m.put("note", pick(r, TEXTS));
      m.put("amount", r.nextInt(8) == 0 ? null : (long) (r.nextInt(9) - 3));
      m.put("value", pick(r, FLOATS));
      m.put("flag", r.nextInt(4) == 0 ? null : r.nextBoolean());
      m.put("day", r.nextInt(6) == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(r.nextInt(6)));
      m.put("at", r.nextInt(6) == 0 ? null : T0.plusHours(r.nextInt(6)));
      rows.add(m);
    }
    List<String> uids = BulkLoader.insert(ln, Measurement.REGISTRY, rows);
    Map<String, Long> ids = BulkLoader.ids(ln, Measurement.REGISTRY, uids);
    for (int i = 0; i < uids.size(); i++) {
      index.put(ids.get(uids.get(i)), i);
    }
  }

  @AfterAll
  void tearDown() {
    ln.close();
  }

  static <T> T pick(Random r, List<T> l) {
    return l.get(r.nextInt(l.size()));
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 150).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomConditionsMatchInMemoryEvaluation(int seed) {
    Random r = new Random(seed);
    Condition c = randomCondition(r, 0);
    Set<Integer> expected = new TreeSet<>();
    for (int i = 0; i < rows.size(); i++) {
      if (eval(c, rows.get(i))) {
        expected.add(i);
      }
    }
    Set<Integer> actual = new TreeSet<>();
    QuerySet<SQLRecord<?>> q = QuerySet.ofRegistry(ln, Measurement.REGISTRY);
    q = r.nextBoolean() ? q.filter(c) : q.exclude(c.not());
    for (SQLRecord<?> rec : q.list()) {
      actual.add(index.get(rec.id()));
    }
    assertThat(actual).as(c.toString()).isEqualTo(expected);
    assertThat(q.count()).as(c.toString()).isEqualTo(expected.size());
  }

  // ------------------------------------------------------------ generator

  private Condition randomCondition(Random r, int depth) {
    int k = depth >= 3 ? 0 : r.nextInt(6);
    return switch (k) {
      case 1 -> randomCondition(r, depth + 1).and(randomCondition(r, depth + 1));
      case 2 -> randomCondition(r, depth + 1).or(randomCondition(r, depth + 1));
      case 3 -> randomCondition(r, depth + 1).not();
      default -> leaf(r);
    };
  }

  private Condition leaf(Random r) {
    String field = pick(r, List.of("name", "note", "amount", "value", "flag", "day", "at"));
    if (r.nextInt(10) == 0) {
      return Condition.of(field + "__isnull", r.nextBoolean());
    }
    switch (field) {
      case "name", "note":
        {
          String lookup =
              pick(
                  r,
                  List.of(
                      "",
                      "iexact",
                      "in",
                      "gt",
                      "gte",
                      "lt",
                      "lte",
                      "contains",
                      "icontains",
                      "startswith",
                      "istartswith",
                      "endswith",
                      "iendswith",
                      "regex"));
          String v = lookup.equals("regex") ? pick(r, PATTERNS) : fragment(r, lookup);
          if (lookup.equals("in")) {
            return Condition.of(field + "__in", List.of(fragment(r, ""), fragment(r, "")));
          }
          return Condition.of(lookup.isEmpty() ? field : field + "__" + lookup, v);
        }
      case "flag":
        return r.nextBoolean()
            ? Condition.of("flag", r.nextBoolean())
            : Condition.of("flag__in", List.of(r.nextBoolean()));
      default:
        {
          String lookup = pick(r, List.of("", "in", "gt", "gte", "lt", "lte", "range"));
          Object a = ordered(r, field);
          Object b = ordered(r, field);
          if (lookup.equals("in")) {
            return Condition.of(field + "__in", List.of(a, b));
          }
          if (lookup.equals("range")) {
            return Condition.of(field + "__range", List.of(a, b));
          }
          return Condition.of(lookup.isEmpty() ? field : field + "__" + lookup, a);
        }
    }
  }

  private static String fragment(Random r, String lookup) {
    String base = TEXTS.get(r.nextInt(TEXTS.size() - 1));
    if (lookup.isEmpty() || lookup.equals("iexact") || r.nextInt(3) == 0) {
      return r.nextBoolean() ? base : base.toUpperCase(Locale.ROOT);
    }
    int from = r.nextInt(base.length());
    int to = from + 1 + r.nextInt(base.length() - from);
    return base.substring(from, to);
  }

  private static Object ordered(Random r, String field) {
    return switch (field) {
      case "amount" -> (long) (r.nextInt(9) - 3);
      case "value" -> FLOATS.get(r.nextInt(FLOATS.size() - 1));
      case "day" -> LocalDate.of(2024, 1, 1).plusDays(r.nextInt(6));
      default -> T0.plusHours(r.nextInt(6));
    };
  }

  // ------------------------------------------------------------ in-memory oracle

  static boolean eval(Condition c, Map<String, Object> row) {
    return switch (c.kind()) {
      case AND -> c.children().stream().allMatch(ch -> eval(ch, row));
      case OR -> c.children().stream().anyMatch(ch -> eval(ch, row));
      case NOT -> !eval(c.children().get(0), row);
      default -> leafEval(c.lookup(), c.value(), row);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean leafEval(String key, Object v, Map<String, Object> row) {
    String[] parts = key.split("__");
    Object x = row.get(parts[0]);
    String op = parts.length > 1 ? parts[1] : "exact";
    if (op.equals("isnull")) {
      return (x == null) == (Boolean) v;
    }
    if (x == null) {
      return false;
    }
    switch (op) {
      case "exact":
        return cmp(x, v) == 0;
      case "in":
        return ((List<Object>) v).stream().anyMatch(o -> cmp(x, o) == 0);
      case "gt":
        return cmp(x, v) > 0;
      case "gte":
        return cmp(x, v) >= 0;
      case "lt":
        return cmp(x, v) < 0;
      case "lte":
        return cmp(x, v) <= 0;
      case "range":
        List<Object> b = (List<Object>) v;
        return cmp(x, b.get(0)) >= 0 && cmp(x, b.get(1)) <= 0;
      default:
        break;
    }
    String s = (String) x;
    String t = (String) v;
    String ls = s.toLowerCase(Locale.ROOT);
    String lt = t.toLowerCase(Locale.ROOT);
    return switch (op) {
      case "iexact" -> ls.equals(lt);
      case "contains" -> s.contains(t);
      case "icontains" -> ls.contains(lt);
      case "startswith" -> s.startsWith(t);
      case "istartswith" -> ls.startsWith(lt);
      case "endswith" -> s.endsWith(t);
      case "iendswith" -> ls.endsWith(lt);
      case "regex" -> Pattern.compile(t).matcher(s).find();
      default -> throw new IllegalStateException(op);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int cmp(Object x, Object v) {
    if (x instanceof OffsetDateTime a) {
      return a.toInstant().compareTo(((OffsetDateTime) v).toInstant());
    }
    if (x instanceof Double d) {
      return Double.compare(d, ((Number) v).doubleValue());
    }
    if (x instanceof Boolean bx) {
      return Objects.equals(bx, v) ? 0 : 1;
    }
    return ((Comparable) x).compareTo(v);
  }
}
