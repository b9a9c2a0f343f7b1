package org.lamindb.internal.features;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Feature;
import org.lamindb.spi.RegistryDef;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Adds one typed column per feature to a query's DataFrame (spec §6.8): int → long, float/num →
 * double, bool, date, datetime, everything else text; categorical values as label names; several
 * values in one cell as a sorted, comma-joined text (the column is text then). Missing values are
 * empty cells.
 */
public final class FeatureColumns {
  private FeatureColumns() {}

  /**
   * @param inst the instance
   * @param host Artifact, Run or Record
   * @param t a table with an {@code id} column of host ids
   * @param names features to add in this order, or null for every feature with a value among the
   *     rows
   */
  public static void append(Instance inst, RegistryDef host, Table t, List<String> names) {
    if (!org.lamindb.internal.query.FeatureFilters.HOSTS.contains(host.name())) {
      throw new InvalidArgumentException(
          "features can be included for Artifact, Run and Record queries, not " + host.name());
    }
    List<Long> ids = new ArrayList<>();
    LongColumn idCol = (LongColumn) t.column("id");
    for (int i = 0; i < idCol.size(); i++) {
      ids.add(idCol.get(i));
    }
    List<Feature> features = null;
    if (names != null) {
      Map<String, Feature> byName = FeatureCatalog.byName(inst, names);
      List<String> missing = new ArrayList<>(names);
      missing.removeAll(byName.keySet());
      if (!missing.isEmpty()) {
        throw new InvalidArgumentException(
            "no features named " + PyFormat.repr(missing) + " to include");
      }
      features = new ArrayList<>();
      for (String n : names) {
        features.add(byName.get(n));
      }
    }
    for (Column<?> c : columns(inst, host, ids, features)) {
      if (t.containsColumn(c.name())) {
        c.setName("feature:" + c.name());
      }
      t.addColumns(c);
    }
  }

  /**
   * @param ids host ids in row order
   * @param features features in column order, or null for all with values (ordered by feature id)
   * @return one column per feature, {@code ids.size()} rows each
   */
  public static List<Column<?>> columns(
      Instance inst, RegistryDef host, List<Long> ids, List<Feature> features) {
    FeatureReader reader = new FeatureReader(inst, host);
    Set<Long> only = null;
    if (features != null) {
      only = new LinkedHashSet<>();
      for (Feature f : features) {
        only.add(f.id());
      }
    }
    List<FeatureReader.Value> values = ids.isEmpty() ? List.of() : reader.read(ids, only);
    Map<Long, Map<Long, List<Object>>> byFeature = new HashMap<>();
    for (FeatureReader.Value v : values) {
      byFeature
          .computeIfAbsent(v.featureId(), k -> new HashMap<>())
          .computeIfAbsent(v.hostId(), k -> new ArrayList<>())
          .add(v.value());
    }
    if (features == null) {
      features = new ArrayList<>();
      for (Long fid : new TreeSet<>(byFeature.keySet())) {
        features.add(reader.feature(fid));
      }
    }
    List<Column<?>> out = new ArrayList<>();
    for (Feature f : features) {
      out.add(column(f, byFeature.getOrDefault(f.id(), Map.of()), ids));
    }
    return out;
  }

  private static Column<?> column(Feature f, Map<Long, List<Object>> cells, List<Long> ids) {
    ParsedDtype d = FeatureCatalog.dtype(f);
    boolean multi = cells.values().stream().anyMatch(l -> l.size() > 1);
    String kind = d.isCategorical() || d.list() || multi ? "text" : d.simple();
    Column<?> c =
        switch (kind) {
          case "int" -> LongColumn.create(f.name());
          case "float", "num" -> DoubleColumn.create(f.name());
          case "bool" -> BooleanColumn.create(f.name());
          case "date" -> DateColumn.create(f.name());
          case "datetime", "datetime64[ns, UTC]" -> DateTimeColumn.create(f.name());
          default -> StringColumn.create(f.name());
        };
    for (Long id : ids) {
      List<Object> vs = cells.get(id);
      if (vs == null || vs.isEmpty()) {
        c.appendMissing();
        continue;
      }
      Object v = vs.get(0);
      if (c instanceof LongColumn lc) {
        lc.append(((Number) v).longValue());
      } else if (c instanceof DoubleColumn dc) {
        dc.append(((Number) v).doubleValue());
      } else if (c instanceof BooleanColumn bc) {
        bc.append((Boolean) v);
      } else if (c instanceof DateColumn dc) {
        dc.append(v instanceof LocalDate ld ? ld : LocalDate.parse(v.toString()));
      } else if (c instanceof DateTimeColumn dc) {
        dc.append(
            v instanceof OffsetDateTime o
                ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                : v instanceof LocalDateTime l ? l : LocalDateTime.parse(v.toString()));
      } else {
        ((StringColumn) c).append(text(vs));
      }
    }
    return c;
  }

  /**
   * @return a cell text: one value as is, several sorted and joined by {@code ", "}
   */
  static String text(List<Object> vs) {
    if (vs.size() == 1) {
      return single(vs.get(0));
    }
    TreeSet<String> s = new TreeSet<>();
    for (Object v : vs) {
      s.add(single(v));
    }
    return String.join(", ", s);
  }

  private static String single(Object v) {
    if (v instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      c.forEach(x -> parts.add(single(x)));
      return String.join(", ", parts);
    }
    if (v instanceof Map<?, ?> m) {
      return PyFormat.jsonDumps(new LinkedHashMap<>(m));
    }
    if (v instanceof Double d) {
      return PyFormat.floatRepr(d);
    }
    return String.valueOf(v);
  }
}
