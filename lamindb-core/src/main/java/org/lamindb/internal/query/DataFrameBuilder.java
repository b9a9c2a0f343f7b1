package org.lamindb.internal.query;

import static org.jooq.impl.DSL.select;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.db.Database;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Builds Tablesaw tables and projections from a {@link QuerySpec}: LaminDB's default columns (spec
 * §9.5), related fields through to-one paths as scalar subqueries, and to-many paths as a second
 * query grouped per row.
 */
public final class DataFrameBuilder {
  private static final int ID_LIST_MAX = 500;
  private static final List<String> TO_END =
      List.of("version_tag", "is_latest", "is_locked", "is_type", "created_at");

  private DataFrameBuilder() {}

  /**
   * @return LaminDB's default DataFrame columns of {@code r}, in order (spec §9.5)
   */
  public static List<String> defaultColumns(RegistryDef r) {
    List<String> head = new ArrayList<>();
    List<String> mid = new ArrayList<>();
    List<String> fks = new ArrayList<>();
    Set<String> fkCols = new java.util.HashSet<>();
    for (RelationDef rel : r.relations().values()) {
      if (rel.kind() == RelationDef.Kind.FORWARD) {
        fkCols.add(rel.column());
      }
    }
    for (FieldDef f : r.fields().values()) {
      String n = f.name();
      boolean keepPrivate = n.equals("_dtype_str") && r.name().equals("Feature");
      if ((f.isPrivate() && !keepPrivate)
          || n.equals("updated_at")
          || n.equals("uid")
          || n.equals("id")) {
        continue;
      }
      if (fkCols.contains(n)) {
        fks.add(n);
      } else if (!TO_END.contains(n)) {
        mid.add(n);
      }
    }
    if (r.field("uid").isPresent()) {
      head.add("uid");
    }
    head.add("id");
    head.addAll(mid);
    for (String n : TO_END) {
      if (r.field(n).isPresent()) {
        head.add(n);
      }
    }
    head.addAll(fks);
    return head;
  }

  /** One output column: a path and how to get it. */
  private record Col(String name, ResolvedLookup path, FieldType type, boolean toMany) {}

  /**
   * @param spec the query
   * @param paths columns: field names or lookup paths across relations
   * @param defaultOrder order when none was given
   * @return one table row per matching record
   */
  public static tech.tablesaw.api.Table table(
      QuerySpec spec, List<String> paths, String defaultOrder) {
    List<Col> cols = resolve(spec, paths);
    List<Map<String, Object>> rows = rows(spec, cols, defaultOrder);
    tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create(spec.registry().name());
    for (Col c : cols) {
      Column<?> column = newColumn(c.name(), c.toMany() ? FieldType.TEXT : c.type());
      for (Map<String, Object> row : rows) {
        append(column, row.get(c.name()));
      }
      t.addColumns(column);
    }
    return t;
  }

  /**
   * @param spec the query
   * @param paths fields or to-one/to-many paths
   * @param defaultOrder order when none was given
   * @return one map per row, keyed by path, values as Java types (to-many: sorted set of values)
   */
  public static List<Map<String, Object>> values(
      QuerySpec spec, List<String> paths, String defaultOrder) {
    return rows(spec, resolve(spec, paths), defaultOrder);
  }

  private static List<Col> resolve(QuerySpec spec, List<String> paths) {
    LookupParser p = new LookupParser(spec.inst());
    List<Col> cols = new ArrayList<>();
    for (String path : paths) {
      ResolvedLookup r = p.parse(spec.registry(), path);
      if (r.lookup() != org.lamindb.query.Lookup.EXACT || path.endsWith("__exact")) {
        throw new InvalidArgumentException(
            "'"
                + path
                + "' is a filter lookup; include a field or a related field such as 'created_by__handle'");
      }
      boolean toMany = r.relations().stream().anyMatch(RelationDef::isToMany);
      cols.add(new Col(path, r, r.field().type(), toMany));
    }
    return cols;
  }

  private static List<Map<String, Object>> rows(
      QuerySpec spec, List<Col> cols, String defaultOrder) {
    String b = QuerySpec.BASE;
    List<Field<?>> select = new ArrayList<>();
    select.add(SqlCompiler.col(b, "id").as("__id"));
    List<Col> scalar = new ArrayList<>();
    List<Col> many = new ArrayList<>();
    SqlCompiler names = new SqlCompiler(spec.inst());
    for (Col c : cols) {
      if (c.toMany()) {
        many.add(c);
      } else {
        scalar.add(c);
        select.add(toOne(names, c.path(), 0, b).as(c.name()));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    Map<Long, Map<String, Object>> byId = new HashMap<>();
    QueryRunner.read(
        spec.inst(),
        ctx -> {
          SelectQuery<Record> q = spec.select(ctx, select, defaultOrder, true);
          for (Record rec : q.fetch()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < scalar.size(); i++) {
              Col c = scalar.get(i);
              row.put(c.name(), Database.fromSql(c.type(), rec.get(i + 1)));
            }
            out.add(row);
            byId.putIfAbsent(((Number) rec.get(0)).longValue(), row);
          }
          for (Col c : many) {
            fillMany(spec, ctx, c, byId, defaultOrder);
          }
          return null;
        });
    if (spec.distinct()) {
      return new ArrayList<>(new java.util.LinkedHashSet<>(out)); // projections: drop repeated rows
    }
    return out;
  }

  private static Field<Object> toOne(SqlCompiler names, ResolvedLookup r, int i, String alias) {
    if (i == r.relations().size()) {
      return SqlCompiler.col(alias, r.field().name());
    }
    RelationDef rel = r.relations().get(i);
    if (i == r.relations().size() - 1 && r.field().name().equals("id")) {
      return SqlCompiler.col(alias, rel.column());
    }
    String ta = names.alias();
    return DSL.field(
        select(toOne(names, r, i + 1, ta))
            .from(SqlCompiler.table(r.registries().get(i), ta))
            .where(SqlCompiler.col(ta, "id").eq(SqlCompiler.col(alias, rel.column()))));
  }

  private static void fillMany(
      QuerySpec spec,
      org.jooq.DSLContext ctx,
      Col c,
      Map<Long, Map<String, Object>> byId,
      String defaultOrder) {
    for (Map<String, Object> row : byId.values()) {
      row.put(c.name(), new TreeSet<String>());
    }
    if (byId.isEmpty()) {
      return;
    }
    ResolvedLookup r = c.path();
    SqlCompiler names = new SqlCompiler(spec.inst());
    String h = "h";
    Table<?> from = SqlCompiler.table(spec.registry(), h);
    String prev = h;
    for (int i = 0; i < r.relations().size(); i++) {
      RelationDef rel = r.relations().get(i);
      RegistryDef target = r.registries().get(i);
      String ta = names.alias();
      switch (rel.kind()) {
        case FORWARD ->
            from =
                from.join(SqlCompiler.table(target, ta))
                    .on(SqlCompiler.col(ta, "id").eq(SqlCompiler.col(prev, rel.column())));
        case REVERSE ->
            from =
                from.join(SqlCompiler.table(target, ta))
                    .on(SqlCompiler.col(ta, rel.column()).eq(SqlCompiler.col(prev, "id")));
        default -> {
          String la = names.alias();
          from =
              from.join(SqlCompiler.table(rel.linkTable(), la))
                  .on(SqlCompiler.col(la, rel.linkSource()).eq(SqlCompiler.col(prev, "id")))
                  .join(SqlCompiler.table(target, ta))
                  .on(SqlCompiler.col(ta, "id").eq(SqlCompiler.col(la, rel.linkTarget())));
        }
      }
      prev = ta;
    }
    org.jooq.Condition hosts;
    if (byId.size() <= ID_LIST_MAX) {
      // a page: bind the ids already fetched instead of re-running the filter
      List<Field<Object>> idVals = new ArrayList<>();
      for (Long id : byId.keySet()) {
        idVals.add(DSL.val((Object) id));
      }
      hosts = SqlCompiler.col(h, "id").in(idVals);
    } else {
      boolean window = spec.limit() != null || spec.offset() != null || spec.search() != null;
      hosts =
          SqlCompiler.col(h, "id")
              .in(
                  spec.select(
                      ctx,
                      List.of(SqlCompiler.col(QuerySpec.BASE, "id")),
                      window ? defaultOrder : null,
                      true));
    }
    for (Record rec :
        ctx.select(SqlCompiler.col(h, "id"), SqlCompiler.col(prev, r.field().name()))
            .from(from)
            .where(hosts)
            .fetch()) {
      Map<String, Object> row = byId.get(((Number) rec.get(0)).longValue());
      Object v = Database.fromSql(r.field().type(), rec.get(1));
      if (row != null && v != null) {
        @SuppressWarnings("unchecked")
        Set<String> set = (Set<String>) row.get(c.name());
        set.add(v.toString());
      }
    }
  }

  private static Column<?> newColumn(String name, FieldType type) {
    return switch (type) {
      case INTEGER -> LongColumn.create(name);
      case FLOAT -> DoubleColumn.create(name);
      case BOOLEAN -> BooleanColumn.create(name);
      case DATE -> DateColumn.create(name);
      case DATETIME -> DateTimeColumn.create(name);
      default -> StringColumn.create(name);
    };
  }

  private static void append(Column<?> col, Object v) {
    if (v == null) {
      col.appendMissing();
      return;
    }
    if (col instanceof LongColumn c) {
      c.append(((Number) v).longValue());
    } else if (col instanceof DoubleColumn c) {
      c.append(((Number) v).doubleValue());
    } else if (col instanceof BooleanColumn c) {
      c.append((Boolean) v);
    } else if (col instanceof DateColumn c) {
      c.append((LocalDate) v);
    } else if (col instanceof DateTimeColumn c) {
      c.append(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    } else if (col instanceof StringColumn c) {
      if (v instanceof Set<?> set) {
        c.append(String.join(", ", set.stream().map(Object::toString).toList()));
      } else if (v instanceof JsonNode j) {
        c.append(j.toString());
      } else {
        c.append(v.toString());
      }
    }
  }
}
