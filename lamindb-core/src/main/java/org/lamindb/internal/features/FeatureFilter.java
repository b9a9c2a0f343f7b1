package org.lamindb.internal.features;

import static org.lamindb.internal.query.SqlCompiler.col;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.NotFoundException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.query.FeatureFilterResolver;
import org.lamindb.internal.query.SqlCompiler;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.RegistryDef;

/**
 * Filters artifacts, runs and records by feature values (spec §6.7): {@code gc_content__gt=0.5},
 * {@code experiment_date="2025-10-24"}, {@code design_sample="P53mutant1"}, {@code x__isnull=true}.
 * Every value is a bind value; host rows are selected with {@code id IN (SELECT host FROM link
 * ...)} so they never repeat.
 */
public final class FeatureFilter implements FeatureFilterResolver {
  private static final List<String> COMPARATORS =
      List.of(
          "exact",
          "iexact",
          "gt",
          "gte",
          "lt",
          "lte",
          "in",
          "range",
          "isnull",
          "contains",
          "icontains",
          "startswith",
          "istartswith",
          "endswith",
          "iendswith");

  @Override
  public java.util.Collection<String> featureNames(Instance inst) {
    return inst.db()
        .dsl()
        .selectDistinct(col("f", "name"))
        .from(SqlCompiler.table("lamindb_feature", "f"))
        .where(col("f", "is_type").eq(DSL.val((Object) false)))
        .and(
            col("f", "branch_id").ne(DSL.val((Object) org.lamindb.internal.core.RecordStore.TRASH)))
        .fetch(0, String.class);
  }

  @Override
  public Condition resolve(
      Instance inst, RegistryDef host, Field<Object> hostId, String lookup, Object value) {
    int sep = lookup.indexOf("__");
    String name = sep < 0 ? lookup : lookup.substring(0, sep);
    String cmp = sep < 0 ? "exact" : lookup.substring(sep + 2);
    Feature f = FeatureCatalog.cachedByName(inst, name);
    if (f == null) {
      return null;
    }
    if (!COMPARATORS.contains(cmp)) {
      throw new InvalidArgumentException(
          "'"
              + cmp
              + "' is not a lookup for feature '"
              + name
              + "'; use one of "
              + String.join(", ", COMPARATORS));
    }
    ParsedDtype d = FeatureCatalog.dtype(f);
    if (cmp.equals("isnull")) {
      if (!(value instanceof Boolean b)) {
        throw new InvalidArgumentException(lookup + " takes true or false, got " + value);
      }
      Condition has = hosts(inst, host, hostId, f, d, DSL.trueCondition(), null);
      return b ? DSL.not(has) : has;
    }
    return d.isCategorical()
        ? categorical(inst, host, hostId, f, d, cmp, value)
        : json(inst, host, hostId, f, d, cmp, value);
  }

  /**
   * @return {@code SELECT host_id FROM <values of f> WHERE <on value>} (JSON), or link rows
   *     (categorical)
   */
  private static Condition hosts(
      Instance inst,
      RegistryDef host,
      Field<Object> hostId,
      Feature f,
      ParsedDtype d,
      Condition onValue,
      List<Long> labelIds) {
    if (d.isCategorical()) {
      List<Condition> parts = new ArrayList<>();
      for (ParsedDtype.CatMember m : d.members()) {
        LinkTables.Link l = LinkTables.featureLink(inst, host, m.registry());
        if (l == null) {
          continue;
        }
        Condition w = col("l", "feature_id").eq(DSL.val((Object) f.id()));
        if (labelIds != null) {
          w = w.and(col("l", l.valueColumn()).in(labelIds.stream().map(i -> (Object) i).toList()));
        }
        parts.add(
            hostId.in(
                DSL.select(col("l", l.hostColumn()))
                    .from(SqlCompiler.table(l.table(), "l"))
                    .where(w)));
      }
      return parts.isEmpty() ? DSL.falseCondition() : DSL.or(parts);
    }
    if (host.name().equals("Record")) {
      return hostId.in(
          DSL.select(col("v", "record_id"))
              .from(SqlCompiler.table("lamindb_recordjson", "v"))
              .where(col("v", "feature_id").eq(DSL.val((Object) f.id())))
              .and(onValue));
    }
    boolean artifact = host.name().equals("Artifact");
    String link = artifact ? "lamindb_artifactjsonvalue" : "lamindb_runjsonvalue";
    String hc = artifact ? "artifact_id" : "run_id";
    return hostId.in(
        DSL.select(col("l", hc))
            .from(SqlCompiler.table(link, "l"))
            .where(
                col("l", "jsonvalue_id")
                    .in(
                        DSL.select(col("v", "id"))
                            .from(SqlCompiler.table("lamindb_jsonvalue", "v"))
                            .where(col("v", "feature_id").eq(DSL.val((Object) f.id())))
                            .and(onValue))));
  }

  private static Condition json(
      Instance inst,
      RegistryDef host,
      Field<Object> hostId,
      Feature f,
      ParsedDtype d,
      String cmp,
      Object value) {
    boolean pg = inst.db().dialect() == Dialect.POSTGRES;
    Field<Object> raw = col("v", "value");
    if (cmp.equals("contains")) {
      cmp = "icontains";
    } else if (cmp.equals("startswith")) {
      cmp = "istartswith";
    }
    Condition on;
    switch (cmp) {
      case "exact":
      case "in":
        {
          Collection<?> vs = cmp.equals("in") ? ValueConverter.asCollection(value) : List.of(value);
          if (vs == null) {
            throw new InvalidArgumentException(f.name() + "__in takes a collection, got " + value);
          }
          List<Condition> any = new ArrayList<>();
          for (Object v : vs) {
            any.add(equal(pg, raw, d, convert(f, d, v)));
          }
          on = any.isEmpty() ? DSL.falseCondition() : DSL.or(any);
          break;
        }
      case "gt":
      case "gte":
      case "lt":
      case "lte":
      case "range":
        {
          List<Object> bounds = new ArrayList<>();
          if (cmp.equals("range")) {
            Collection<?> r = ValueConverter.asCollection(value);
            if (r == null || r.size() != 2) {
              throw new InvalidArgumentException(
                  f.name() + "__range takes two bounds, got " + value);
            }
            for (Object o : r) {
              bounds.add(convert(f, d, o));
            }
          } else {
            bounds.add(convert(f, d, value));
          }
          Field<Object> lhs;
          List<Field<Object>> rhs = new ArrayList<>();
          if (d.isNumeric()) {
            lhs = pg ? raw : DSL.field("CAST({0} AS REAL)", Object.class, raw);
            for (Object b : bounds) {
              rhs.add(
                  pg
                      ? DSL.field(
                          "CAST({0} AS jsonb)", Object.class, DSL.val(PyFormat.jsonDumps(b)))
                      : DSL.val((Object) ((Number) b).doubleValue()));
            }
          } else {
            lhs = text(pg, raw);
            for (Object b : bounds) {
              rhs.add(DSL.val((Object) String.valueOf(b)));
            }
          }
          on =
              switch (cmp) {
                case "gt" -> lhs.gt(rhs.get(0));
                case "gte" -> lhs.ge(rhs.get(0));
                case "lt" -> lhs.lt(rhs.get(0));
                case "lte" -> lhs.le(rhs.get(0));
                default -> lhs.between(rhs.get(0), rhs.get(1));
              };
          break;
        }
      default:
        {
          String s = String.valueOf(value).toLowerCase(Locale.ROOT);
          String p = SqlCompiler.escapeLike(s);
          String pattern =
              switch (cmp) {
                case "iexact" -> p;
                case "icontains" -> "%" + p + "%";
                case "istartswith" -> p + "%";
                default -> "%" + p; // endswith, iendswith
              };
          Field<String> t = new SqlCompiler(inst).lower(text(pg, raw).coerce(String.class));
          on = t.like(DSL.val(pattern), '\\');
        }
    }
    return hosts(inst, host, hostId, f, d, on, null);
  }

  private static Condition equal(boolean pg, Field<Object> raw, ParsedDtype d, Object v) {
    if (d.isNumeric() && !pg) {
      return DSL.field("CAST({0} AS REAL)", Object.class, raw)
          .eq(DSL.val((Object) ((Number) v).doubleValue()));
    }
    String json;
    try {
      json = Database.json().writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidArgumentException("cannot filter by " + v + ": " + e.getMessage());
    }
    if (pg) {
      return raw.eq(DSL.field("CAST({0} AS jsonb)", Object.class, DSL.val(json)));
    }
    return raw.eq(DSL.val((Object) json));
  }

  /**
   * @return the JSON value as text: strings without quotes
   */
  private static Field<Object> text(boolean pg, Field<Object> raw) {
    return pg
        ? DSL.field("({0} #>> '{}') COLLATE \"C\"", Object.class, raw)
        : DSL.field("json_extract({0}, '$')", Object.class, raw);
  }

  /**
   * @return {@code v} converted for comparison with stored JSON of dtype {@code d} (strings
   *     accepted)
   */
  private static Object convert(Feature f, ParsedDtype d, Object v) {
    if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime) {
      return ValueConverter.jsonReady(v);
    }
    try {
      return ValueConverter.convert(d.simple(), false, true, v);
    } catch (ValueConverter.Mismatch m) {
      throw new InvalidArgumentException(
          "cannot filter feature '"
              + f.name()
              + "' by "
              + ValueConverter.show(v)
              + ": "
              + m.getMessage());
    }
  }

  private static Condition categorical(
      Instance inst,
      RegistryDef host,
      Field<Object> hostId,
      Feature f,
      ParsedDtype d,
      String cmp,
      Object value) {
    List<Long> ids = new ArrayList<>();
    Collection<?> items = cmp.equals("in") ? ValueConverter.asCollection(value) : List.of(value);
    if (items == null) {
      throw new InvalidArgumentException(f.name() + "__in takes a collection, got " + value);
    }
    List<Object> names = new ArrayList<>();
    for (Object o : items) {
      if (o instanceof SQLRecord<?> r) {
        if (!r.isSaved()) {
          throw new InvalidArgumentException(
              r.registry().name() + " is not saved; cannot filter by it");
        }
        ids.add(r.id());
      } else if (o instanceof String || o instanceof Boolean) {
        names.add(o);
      } else {
        throw new InvalidArgumentException(
            "filter categorical feature '"
                + f.name()
                + "' by a label name or label, got "
                + ValueConverter.show(o));
      }
    }
    if (!names.isEmpty()) {
      ParsedDtype.CatMember m = d.members().get(0);
      RegistryDef r = inst.registry(m.registry());
      String field = m.field() == null ? r.nameField() : m.field();
      String lk = field + (cmp.equals("exact") ? "" : "__" + cmp);
      Object arg = cmp.equals("in") ? names : names.get(0);
      int before = ids.size();
      for (Map<String, Object> row :
          FeatureCatalog.memberQuery(inst, m, r).filter(lk, arg).values("id")) {
        ids.add(((Number) row.get("id")).longValue());
      }
      if (ids.size() == before) {
        throw new NotFoundException(
            "Did not find a "
                + r.name()
                + " matching `"
                + lk
                + "="
                + (arg instanceof String s ? s : arg)
                + "`");
      }
    }
    return hosts(inst, host, hostId, f, d, null, ids);
  }
}
