package org.lamindb.internal.match;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.curate.InspectResult;
import org.lamindb.curate.Vocabulary;
import org.lamindb.internal.query.QueryRunner;
import org.lamindb.internal.query.QuerySpec;
import org.lamindb.internal.query.SqlCompiler;
import org.lamindb.internal.query.Suggest;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;

/**
 * Validation helpers of a query set (LaminDB's {@code CanCurate} on a queryset): streams only the
 * needed columns of the query's rows ({@code id}, the field, {@code synonyms} when used, a return
 * field) from a database cursor into a {@link Vocabulary}, then matches in memory. Which field
 * carries synonyms and which fields can be matched comes from the {@link RegistryDef}, so every
 * registry with text fields works without per-entity code.
 */
public final class QueryVocabulary {
  /** The column LaminDB keeps {@code |}-separated synonyms in. */
  public static final String SYNONYMS = "synonyms";

  private QueryVocabulary() {}

  /**
   * The query's rows, reduced to what matching needs.
   *
   * @param rows number of rows read
   * @param ids row id per row (empty unless asked for)
   * @param vocabulary matcher over the field's values (with synonyms when they apply)
   * @param returnValues the return field's value per row, or null
   */
  public record Loaded(
      int rows, List<Long> ids, Vocabulary vocabulary, List<String> returnValues) {}

  /**
   * Resolves the field to match on.
   *
   * @param registry the registry
   * @param field a field name, or null for the registry's name field
   * @return the field name
   * @throws InvalidArgumentException when it is not a public text field of the registry, listing
   *     the valid ones
   */
  public static String field(RegistryDef registry, String field) {
    String f = field == null ? registry.nameField() : field;
    List<String> valid = textFields(registry);
    if (!valid.contains(f)) {
      List<String> near = Suggest.nearest(f, valid);
      throw new InvalidArgumentException(
          registry.name()
              + " has no text field '"
              + f
              + "' to validate against"
              + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?")
              + "; valid fields: "
              + String.join(", ", valid));
    }
    return f;
  }

  /**
   * @return the public string/text fields of {@code registry}, in table order
   */
  public static List<String> textFields(RegistryDef registry) {
    List<String> out = new ArrayList<>();
    for (FieldDef d : registry.fields().values()) {
      if (!d.isPrivate() && (d.type() == FieldType.STRING || d.type() == FieldType.TEXT)) {
        out.add(d.name());
      }
    }
    return out;
  }

  /**
   * @return true when matching on {@code field} consults synonyms: it is the name field and the
   *     registry has a {@code synonyms} column
   */
  public static boolean usesSynonyms(RegistryDef registry, String field) {
    return field.equals(registry.nameField())
        && registry
            .field(SYNONYMS)
            .filter(d -> d.type() == FieldType.STRING || d.type() == FieldType.TEXT)
            .isPresent();
  }

  /**
   * Reads the query's rows, in the query's order (by id unless ordered), with a cursor.
   *
   * @param spec the query
   * @param field the (resolved) field to match on
   * @param synonyms whether to read the synonyms column
   * @param returnField a (resolved) field to return instead of {@code field}, or null
   * @param withIds whether to keep the row ids
   * @return the rows as a vocabulary
   */
  public static Loaded load(
      QuerySpec spec, String field, boolean synonyms, String returnField, boolean withIds) {
    return load(spec, field, synonyms, returnField, withIds, null);
  }

  /**
   * Whether {@link #exactRows} may narrow the query by the values: not when a limit, offset or
   * search picks rows (that would change which rows count), nor for many values.
   *
   * @param spec the query
   * @param nValues number of distinct values
   * @return true when the values can go into the SQL
   */
  public static boolean canPushDown(QuerySpec spec, int nValues) {
    return spec.limit() == null
        && spec.offset() == null
        && spec.search() == null
        && nValues <= PUSH_DOWN_MAX;
  }

  /** At most this many distinct values are sent as {@code field IN (...)} bind values. */
  public static final int PUSH_DOWN_MAX = 1000;

  /**
   * Reads only the rows whose field equals one of {@code values} (SQL comparison is exact and
   * case-sensitive on both backends), for validating a few values against a large registry.
   *
   * @param spec the query; see {@link #canPushDown}
   * @param field the (resolved) field
   * @param values distinct non-empty values
   * @return the matching rows as a vocabulary
   */
  public static Loaded exactRows(QuerySpec spec, String field, Collection<String> values) {
    return load(spec, field, false, null, false, values);
  }

  private static Loaded load(
      QuerySpec spec,
      String field,
      boolean synonyms,
      String returnField,
      boolean withIds,
      Collection<String> only) {
    String b = QuerySpec.BASE;
    List<Field<?>> select = new ArrayList<>();
    select.add(SqlCompiler.col(b, "id"));
    select.add(SqlCompiler.col(b, field));
    if (synonyms) {
      select.add(SqlCompiler.col(b, SYNONYMS));
    }
    if (returnField != null) {
      select.add(SqlCompiler.col(b, returnField));
    }
    List<Long> ids = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> syn = synonyms ? new ArrayList<>() : null;
    List<String> ret = returnField == null ? null : new ArrayList<>();
    int[] rows = {0};
    // plain JDBC rows (no jOOQ records): at 30,000 rows the record objects cost more than the query
    Function<DSLContext, Void> read =
        ctx -> {
          SelectQuery<Record> q = spec.select(ctx, select, "id", true);
          if (only != null) {
            // added to the SQL, not as a lookup: a lookup on uid would also show trashed rows
            Field<String> col = SqlCompiler.col(b, field).coerce(String.class);
            q.addConditions(
                spec.inst().db().dialect() == Dialect.POSTGRES
                    ? col.eq(DSL.any(only.toArray(new String[0]))) // one array bind value
                    : col.in(only));
          }
          try (ResultSet rs = q.fetchSize(QueryRunner.FETCH_SIZE).fetchResultSet()) {
            while (rs.next()) {
              rows[0]++;
              if (withIds) {
                ids.add(rs.getLong(1));
              }
              values.add(rs.getString(2));
              int i = 3;
              if (syn != null) {
                syn.add(rs.getString(i++));
              }
              if (ret != null) {
                ret.add(rs.getString(i));
              }
            }
          } catch (SQLException e) {
            throw new DataAccessException("cannot read " + spec.registry().table(), e);
          }
          return null;
        };
    if (spec.inst().db().dialect() == Dialect.POSTGRES) {
      // PostgreSQL streams with a cursor only inside a transaction
      QueryRunner.write(spec.inst(), read);
    } else {
      QueryRunner.read(spec.inst(), read);
    }
    return new Loaded(rows[0], ids, Vocabulary.of(values, syn), ret);
  }

  /**
   * @return the result of inspecting against an empty registry (or query): nothing validates, with
   *     LaminDB's warning
   */
  public static InspectResult emptyRegistry(RegistryDef registry, List<String> values) {
    Set<String> unique = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        unique.add(v);
      }
    }
    return new InspectResult(
        List.of(),
        new ArrayList<>(unique),
        Map.of(),
        values.size() - unique.size(),
        unique.size(),
        List.of(
            "! Your "
                + simpleName(registry)
                + " registry is empty, consider populating it first!"));
  }

  private static String simpleName(RegistryDef registry) {
    String n = registry.name();
    return n.substring(n.lastIndexOf('.') + 1);
  }
}
