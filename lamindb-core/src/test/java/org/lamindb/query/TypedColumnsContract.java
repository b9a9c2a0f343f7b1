package org.lamindb.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.query.support.Measurement;
import org.lamindb.testing.Backend;

/**
 * Every lookup on every column type, on a test registry with one column per type; expectations by
 * hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TypedColumnsContract {
  static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
  LaminDB ln;
  final Map<Long, String> names = new LinkedHashMap<>();

  abstract Backend backend();

  @BeforeAll
  void setUp(@TempDir Path tmp) throws Exception {
    ln = backend().newInstance(tmp);
    Measurement.createTable(ln);
    ObjectMapper om = new ObjectMapper();
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(
        row(
            "apple",
            "Red fruit",
            10L,
            1.5,
            true,
            LocalDate.of(2024, 1, 1),
            T0,
            om.readTree("{\"k\":\"v1\",\"n\":1}")));
    rows.add(
        row(
            "Banana",
            "yellow_fruit 50%",
            20L,
            -2.25,
            false,
            LocalDate.of(2024, 6, 15),
            T0.plusDays(1),
            om.readTree("{\"k\":\"v2\"}")));
    rows.add(row("cherry", null, null, 0.0, null, null, null, null));
    rows.add(
        row(
            null,
            "a\\b",
            -5L,
            1e10,
            true,
            LocalDate.of(2025, 12, 31),
            T0.minusSeconds(1),
            om.readTree("[1,2]")));
    List<String> uids = BulkLoader.insert(ln, Measurement.REGISTRY, rows);
    Map<String, Long> ids = BulkLoader.ids(ln, Measurement.REGISTRY, uids);
    for (int i = 0; i < uids.size(); i++) {
      names.put(ids.get(uids.get(i)), "m" + (i + 1));
    }
  }

  private static Map<String, Object> row(
      String name,
      String note,
      Long amount,
      Double value,
      Boolean flag,
      LocalDate day,
      OffsetDateTime at,
      Object meta) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("note", note);
    m.put("amount", amount);
    m.put("value", value);
    m.put("flag", flag);
    m.put("day", day);
    m.put("at", at);
    m.put("meta", meta);
    return m;
  }

  @AfterAll
  void tearDown() {
    ln.close();
  }

  Set<String> q(String lookup, Object value) {
    Set<String> out = new TreeSet<>();
    for (SQLRecord<?> r :
        QuerySet.ofRegistry(ln, Measurement.REGISTRY).filter(lookup, value).list()) {
      out.add(names.get(r.id()));
    }
    return out;
  }

  Set<String> ex(String lookup, Object value) {
    Set<String> out = new TreeSet<>();
    for (SQLRecord<?> r :
        QuerySet.ofRegistry(ln, Measurement.REGISTRY).exclude(lookup, value).list()) {
      out.add(names.get(r.id()));
    }
    return out;
  }

  static Set<String> s(String... n) {
    return new TreeSet<>(Arrays.asList(n));
  }

  @Test
  void stringColumn() {
    assertThat(q("name", "apple")).isEqualTo(s("m1"));
    assertThat(q("name__iexact", "BANANA")).isEqualTo(s("m2"));
    assertThat(q("name__in", List.of("apple", "cherry"))).isEqualTo(s("m1", "m3"));
    assertThat(q("name__contains", "an")).isEqualTo(s("m2"));
    assertThat(q("name__icontains", "AN")).isEqualTo(s("m2"));
    assertThat(q("name__startswith", "B")).isEqualTo(s("m2"));
    assertThat(q("name__startswith", "b")).isEmpty();
    assertThat(q("name__istartswith", "b")).isEqualTo(s("m2"));
    assertThat(q("name__endswith", "y")).isEqualTo(s("m3"));
    assertThat(q("name__iendswith", "A")).isEqualTo(s("m2"));
    assertThat(q("name__isnull", true)).isEqualTo(s("m4"));
    assertThat(q("name__regex", "^[ab]")).isEqualTo(s("m1"));
    assertThat(q("name__gt", "b")).isEqualTo(s("m3"));
    assertThat(q("name__gte", "cherry")).isEqualTo(s("m3"));
    assertThat(q("name__lt", "apple")).isEqualTo(s("m2"));
    assertThat(q("name__lte", "apple")).isEqualTo(s("m1", "m2"));
    assertThat(q("name__range", List.of("B", "b"))).isEqualTo(s("m1", "m2"));
    assertThat(ex("name", "apple")).isEqualTo(s("m2", "m3", "m4"));
  }

  @Test
  void textColumnWithWildcardsAndBackslash() {
    assertThat(q("note__contains", "_fruit 50%")).isEqualTo(s("m2"));
    assertThat(q("note__contains", "%")).isEqualTo(s("m2"));
    assertThat(q("note__contains", "_")).isEqualTo(s("m2"));
    assertThat(q("note__startswith", "a\\b")).isEqualTo(s("m4"));
    assertThat(q("note__contains", "\\")).isEqualTo(s("m4"));
    assertThat(q("note__iendswith", "FRUIT")).isEqualTo(s("m1"));
    assertThat(q("note__regex", "fruit( 50%)?$")).isEqualTo(s("m1", "m2"));
    assertThat(ex("note__icontains", "fruit")).isEqualTo(s("m3", "m4"));
  }

  @Test
  void integerColumn() {
    assertThat(q("amount", 10L)).isEqualTo(s("m1"));
    assertThat(q("amount__gt", 0)).isEqualTo(s("m1", "m2"));
    assertThat(q("amount__lt", 0L)).isEqualTo(s("m4"));
    assertThat(q("amount__gte", 10L)).isEqualTo(s("m1", "m2"));
    assertThat(q("amount__lte", 10L)).isEqualTo(s("m1", "m4"));
    assertThat(q("amount__range", List.of(-5L, 10L))).isEqualTo(s("m1", "m4"));
    assertThat(q("amount__in", List.of(20L, -5L))).isEqualTo(s("m2", "m4"));
    assertThat(q("amount__isnull", true)).isEqualTo(s("m3"));
    assertThat(ex("amount__gt", 0L)).isEqualTo(s("m3", "m4"));
  }

  @Test
  void floatColumn() {
    assertThat(q("value__gt", 0)).isEqualTo(s("m1", "m4"));
    assertThat(q("value__lt", 0.0)).isEqualTo(s("m2"));
    assertThat(q("value", 0.0)).isEqualTo(s("m3"));
    assertThat(q("value__gte", 1.5)).isEqualTo(s("m1", "m4"));
    assertThat(q("value__lte", 0L)).isEqualTo(s("m2", "m3"));
    assertThat(q("value__range", List.of(-3, 2))).isEqualTo(s("m1", "m2", "m3"));
    assertThat(q("value__in", List.of(1.5, 1e10))).isEqualTo(s("m1", "m4"));
    assertThat(q("value__isnull", false)).isEqualTo(s("m1", "m2", "m3", "m4"));
  }

  @Test
  void booleanColumn() {
    assertThat(q("flag", true)).isEqualTo(s("m1", "m4"));
    assertThat(q("flag", false)).isEqualTo(s("m2"));
    assertThat(q("flag__in", List.of(false))).isEqualTo(s("m2"));
    assertThat(q("flag__isnull", true)).isEqualTo(s("m3"));
    assertThat(ex("flag", true)).isEqualTo(s("m2", "m3"));
  }

  @Test
  void dateColumn() {
    assertThat(q("day", "2024-06-15")).isEqualTo(s("m2"));
    assertThat(q("day__gt", LocalDate.of(2024, 3, 1))).isEqualTo(s("m2", "m4"));
    assertThat(q("day__lt", "2024-06-15")).isEqualTo(s("m1"));
    assertThat(q("day__gte", "2024-06-15")).isEqualTo(s("m2", "m4"));
    assertThat(q("day__lte", "2024-06-15")).isEqualTo(s("m1", "m2"));
    assertThat(q("day__range", List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))))
        .isEqualTo(s("m1", "m2"));
    assertThat(q("day__in", List.of(LocalDate.of(2025, 12, 31)))).isEqualTo(s("m4"));
    assertThat(q("day__isnull", true)).isEqualTo(s("m3"));
  }

  @Test
  void timestampColumn() {
    assertThat(q("at", T0)).isEqualTo(s("m1"));
    assertThat(q("at", Instant.parse("2025-01-01T12:00:00Z"))).isEqualTo(s("m1"));
    assertThat(q("at", T0.withOffsetSameInstant(ZoneOffset.ofHours(2)))).isEqualTo(s("m1"));
    assertThat(q("at__gt", T0)).isEqualTo(s("m2"));
    assertThat(q("at__gte", T0)).isEqualTo(s("m1", "m2"));
    assertThat(q("at__lt", T0)).isEqualTo(s("m4"));
    assertThat(q("at__lte", "2025-01-01 12:00:00+00:00")).isEqualTo(s("m1", "m4"));
    assertThat(q("at__range", List.of(T0.minusHours(1), T0.plusHours(1)))).isEqualTo(s("m1", "m4"));
    assertThat(q("at__in", List.of(T0.plusDays(1)))).isEqualTo(s("m2"));
    assertThat(q("at__isnull", true)).isEqualTo(s("m3"));
  }

  @Test
  void jsonColumn() throws Exception {
    ObjectMapper om = new ObjectMapper();
    assertThat(q("meta", om.readTree("{\"k\":\"v1\",\"n\":1}"))).isEqualTo(s("m1"));
    assertThat(q("meta", List.of(1, 2))).isEqualTo(s("m4"));
    assertThat(q("meta__in", List.of(Map.of("k", "v2"), List.of(1, 2)))).isEqualTo(s("m2", "m4"));
    assertThat(q("meta__isnull", true)).isEqualTo(s("m3"));
    assertThat(q("meta__contains", "v2")).isEqualTo(s("m2"));
    assertThat(q("meta__icontains", "V1")).isEqualTo(s("m1"));
    assertThat(q("meta__regex", "v[12]")).isEqualTo(s("m1", "m2"));
  }

  @Test
  void dataFrameColumnTypesFollowFieldTypes() throws Exception {
    tech.tablesaw.api.Table t =
        QuerySet.ofRegistry(ln, Measurement.REGISTRY).orderBy("id").toDataFrame();
    assertThat(t.columnNames())
        .containsExactly(
            "uid", "id", "name", "note", "amount", "value", "flag", "day", "at", "meta");
    assertThat(t.column("amount").type()).isEqualTo(tech.tablesaw.api.ColumnType.LONG);
    assertThat(t.column("value").type()).isEqualTo(tech.tablesaw.api.ColumnType.DOUBLE);
    assertThat(t.column("flag").type()).isEqualTo(tech.tablesaw.api.ColumnType.BOOLEAN);
    assertThat(t.column("day").type()).isEqualTo(tech.tablesaw.api.ColumnType.LOCAL_DATE);
    assertThat(t.column("at").type()).isEqualTo(tech.tablesaw.api.ColumnType.LOCAL_DATE_TIME);
    assertThat(t.doubleColumn("value").get(1)).isEqualTo(-2.25);
    assertThat(t.dateColumn("day").get(0)).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(t.dateTimeColumn("at").get(0)).isEqualTo(T0.toLocalDateTime());
    ObjectMapper om = new ObjectMapper();
    assertThat(om.readTree(t.stringColumn("meta").get(3))).isEqualTo(om.readTree("[1,2]"));
  }
}
