package org.lamindb.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.Record;
import org.jooq.SelectQuery;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.MultipleResultsException;
import org.lamindb.NotFoundException;
import org.lamindb.curate.InspectResult;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.match.QueryVocabulary;
import org.lamindb.internal.query.BulkOps;
import org.lamindb.internal.query.DataFrameBuilder;
import org.lamindb.internal.query.LookupParser;
import org.lamindb.internal.query.QueryRunner;
import org.lamindb.internal.query.QuerySpec;
import org.lamindb.internal.query.ResolvedLookup;
import org.lamindb.internal.query.SqlCompiler;
import org.lamindb.internal.query.ValueCoercer;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.RegistryDef;
import tech.tablesaw.api.Table;

/**
 * A lazy, immutable query over one registry. Each refinement ({@code filter}, {@code exclude},
 * {@code orderBy}, {@code limit} ...) returns a new query; terminals ({@link #list()}, {@link
 * #stream()}, {@link #first()}, {@link #one()}, {@link #count()}, {@link #toDataFrame()} ...) run
 * it.
 *
 * <pre>{@code
 * ln.artifacts().filter("key__startswith", "raw/").filter("size__gt", 1_000_000L).orderBy("-created_at").list();
 * ln.artifacts().filter(Artifact.SIZE.gt(1_000_000L).and(Artifact.KEY.startsWith("raw/"))).count();
 * ln.artifacts().filter("ulabels", label).toDataFrame(Include.fields("created_by__handle", "ulabels__name"));
 * Artifact a = ln.artifacts().get("key", "sample.fasta");
 * }</pre>
 *
 * <p>As in LaminDB (spec §9.2), queries see records on the current branch and on main; records in
 * the trash or the archive appear only when a lookup names the branch ({@code filter("branch_id",
 * -1L)}; {@code filter("branch", null)} means all branches) or an identifier ({@code id}, {@code
 * uid}, {@code hash}). Artifact queries also hide LaminDB's internal artifacts (kind {@code
 * __lamindb...}) unless a lookup names {@code kind}.
 *
 * <p>Lookups are {@code <field>[__<relation>...][__<lookup>]} with the {@link Lookup}s; values are
 * bound, never rendered into SQL. Unknown fields fail with the nearest valid names.
 *
 * <p>Modules extend it for their registries' entry points (e.g. bionty's {@code bt.cellTypes()} is
 * a query set over all cell types with import and ontology methods added); refining such a query
 * ({@code filter}, {@code orderBy}, ...) gives a plain query set.
 *
 * @param <T> entity type
 */
public class QuerySet<T extends SQLRecord<?>> {
  private final LaminDB ln;
  private final Instance inst;
  private final RegistryDef registry;
  private final Class<T> type;
  private final List<Condition> conditions;
  private final List<String> order;
  private final Integer limit;
  private final Integer offset;
  private final boolean distinct;
  private final String search;

  private QuerySet(
      LaminDB ln,
      RegistryDef registry,
      Class<T> type,
      List<Condition> conditions,
      List<String> order,
      Integer limit,
      Integer offset,
      boolean distinct,
      String search) {
    this.ln = ln;
    this.inst = Access.instance(ln);
    this.registry = registry;
    this.type = type;
    this.conditions = List.copyOf(conditions);
    this.order = List.copyOf(order);
    this.limit = limit;
    this.offset = offset;
    this.distinct = distinct;
    this.search = search;
  }

  /**
   * A query over all records of entity class {@code type}, for subclasses in modules that add
   * methods to a registry's entry point.
   *
   * @param ln the instance
   * @param type an entity class of a registry of {@code ln}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected QuerySet(LaminDB ln, Class<T> type) {
    this(
        ln,
        Access.instance(ln).registry((Class) type),
        type,
        List.of(),
        List.of(),
        null,
        null,
        false,
        null);
  }

  /**
   * @return a query over all records of entity class {@code type}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T extends SQLRecord<?>> QuerySet<T> of(LaminDB ln, Class<T> type) {
    Instance inst = Access.instance(ln);
    return new QuerySet<>(
        ln, inst.registry((Class) type), type, List.of(), List.of(), null, null, false, null);
  }

  /**
   * @return a query over all records of {@code registry} (entities typed as {@link SQLRecord})
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static QuerySet<SQLRecord<?>> ofRegistry(LaminDB ln, RegistryDef registry) {
    return new QuerySet<>(
        ln, registry, (Class) SQLRecord.class, List.of(), List.of(), null, null, false, null);
  }

  /**
   * @return the registry queried
   */
  public RegistryDef registry() {
    return registry;
  }

  private QuerySet<T> with(
      List<Condition> c, List<String> o, Integer lim, Integer off, boolean d, String s) {
    return new QuerySet<>(ln, registry, type, c, o, lim, off, d, s);
  }

  private QuerySpec spec() {
    return new QuerySpec(inst, registry, conditions, order, limit, offset, distinct, search);
  }

  // ---------------------------------------------------------------- refinements

  /**
   * Adds a condition; validates it immediately.
   *
   * @param lookup e.g. {@code key}, {@code size__gt}, {@code created_by__handle}, {@code ulabels}
   * @param value the value (an entity for relations, a collection for {@code __in}, a pair for
   *     {@code __range})
   * @return the refined query
   * @throws InvalidArgumentException for unknown fields or lookups and for values of the wrong type
   */
  public QuerySet<T> filter(String lookup, Object value) {
    return filter(Condition.of(lookup, value));
  }

  /**
   * Adds a condition whose value is given as text, as on a command line: the text is converted to
   * the type of the field the lookup compares ({@code "size__gt", "1000"} → 1000L; {@code
   * "key__in", "a.csv,b.csv"} → a list; {@code "created_at__gte", "2025-01-01"}; {@code "kind",
   * "null"} → missing).
   *
   * @return the refined query
   * @throws InvalidArgumentException for unknown fields or text that does not parse as the field's
   *     type
   */
  public QuerySet<T> filterText(String lookup, String text) {
    ResolvedLookup r = new LookupParser(inst).parse(registry, lookup);
    return filter(lookup, ValueCoercer.fromText(r, text));
  }

  /**
   * @return the query refined by all entries of {@code lookups} (AND)
   */
  public QuerySet<T> filter(Map<String, ?> lookups) {
    return filter(Condition.of(lookups));
  }

  /**
   * @return the query refined by {@code condition}, e.g. {@code Artifact.SIZE.gt(1_000_000L)}
   */
  public QuerySet<T> filter(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    new SqlCompiler(inst).compile(condition, registry, QuerySpec.BASE); // validate now
    List<Condition> c = new ArrayList<>(conditions);
    c.add(condition);
    return with(c, order, limit, offset, distinct, search);
  }

  /**
   * @return the query without records matching {@code lookup = value} (records missing the value
   *     stay)
   */
  public QuerySet<T> exclude(String lookup, Object value) {
    return exclude(Condition.of(lookup, value));
  }

  /**
   * @return the query without records matching all entries of {@code lookups}
   */
  public QuerySet<T> exclude(Map<String, ?> lookups) {
    return exclude(Condition.of(lookups));
  }

  /**
   * @return the query without records matching {@code condition}
   */
  public QuerySet<T> exclude(Condition condition) {
    return filter(condition.not());
  }

  /**
   * Orders the results; ties are broken by ascending id. Missing values sort first ascending, last
   * descending.
   *
   * @param fields field names, {@code -} prefix for descending, e.g. {@code "-created_at", "key"}
   * @return the ordered query (replacing an earlier order)
   */
  public QuerySet<T> orderBy(String... fields) {
    for (String f : fields) {
      if (f.startsWith(QuerySpec.MEMBER_ORDER)) {
        continue; // validated when compiled
      }
      QuerySpec.orderField(inst, registry, f.startsWith("-") ? f.substring(1) : f);
    }
    return with(conditions, Arrays.asList(fields), limit, offset, distinct, search);
  }

  /**
   * @return the query returning at most {@code n} records
   */
  public QuerySet<T> limit(int n) {
    if (n < 0) {
      throw new InvalidArgumentException("limit must be >= 0, got " + n);
    }
    return with(conditions, order, n, offset, distinct, search);
  }

  /**
   * @return the query skipping the first {@code n} records
   */
  public QuerySet<T> offset(int n) {
    if (n < 0) {
      throw new InvalidArgumentException("offset must be >= 0, got " + n);
    }
    return with(conditions, order, limit, n, distinct, search);
  }

  /**
   * Drops duplicate rows of {@link #values} projections. Queries of records never repeat a record
   * (to-many lookups use subqueries), so this only matters for projections.
   *
   * @return the query
   */
  public QuerySet<T> distinct() {
    return with(conditions, order, limit, offset, true, search);
  }

  /**
   * Ranks records by how well their text fields match {@code text} (spec §9.6: exact match,
   * synonym, sub-phrase, prefix, word, substring; case-insensitive) and keeps the best 20 unless
   * {@link #limit} says otherwise.
   *
   * <pre>{@code ln.records().search("p53").toDataFrame();}</pre>
   *
   * @param text the search text
   * @return the query ordered by score
   */
  public QuerySet<T> search(String text) {
    if (text == null) {
      throw new InvalidArgumentException("cannot search for null; pass a non-empty string");
    }
    return with(conditions, order, limit, offset, distinct, text);
  }

  // ---------------------------------------------------------------- terminals

  /**
   * @return all matching records (ordered by id unless {@link #orderBy} was given)
   */
  public List<T> list() {
    return fetch(spec(), "id", true);
  }

  private List<T> fetch(QuerySpec s, String defaultOrder, boolean implicit) {
    return QueryRunner.read(
        inst,
        ctx -> {
          List<T> out = new ArrayList<>();
          for (Record row :
              s.select(
                      ctx,
                      RecordStore.selectFields(registry, QuerySpec.BASE),
                      defaultOrder,
                      implicit)
                  .fetch()) {
            out.add(entity(row));
          }
          return out;
        });
  }

  private T entity(Record row) {
    SQLRecord<?> rec = registry.newEntity(ln);
    RecordStore.fill(rec, row);
    return type.cast(rec);
  }

  /**
   * Streams the matching records lazily, in constant memory, from a database cursor. Close the
   * stream (use try-with-resources) unless you read it to the end.
   *
   * <pre>{@code try (Stream<Artifact> s = ln.artifacts().stream()) { s.forEach(...); }}</pre>
   *
   * @return the records, ordered as {@link #list()}
   */
  public Stream<T> stream() {
    QuerySpec s = spec();
    return QueryRunner.stream(
        inst,
        ctx -> s.select(ctx, RecordStore.selectFields(registry, QuerySpec.BASE), "id", true),
        this::entity);
  }

  /**
   * @return the first record by the current order (by id if none), if any
   */
  public Optional<T> first() {
    List<T> l =
        fetch(
            new QuerySpec(inst, registry, conditions, order, 1, offset, distinct, search),
            "id",
            true);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /**
   * @return the only matching record
   * @throws NotFoundException when none matches
   * @throws MultipleResultsException when several match
   */
  public T one() {
    List<T> l =
        fetch(
            new QuerySpec(inst, registry, conditions, order, 2, offset, distinct, search),
            "id",
            true);
    if (l.isEmpty()) {
      throw new NotFoundException("no " + registry.name() + " matches " + describe());
    }
    if (l.size() > 1) {
      throw new MultipleResultsException(
          "more than one "
              + registry.name()
              + " matches "
              + describe()
              + "; add a filter or use first()/list()");
    }
    return l.get(0);
  }

  /**
   * @return the number of matching records
   */
  public long count() {
    QuerySpec s = spec();
    return QueryRunner.read(
        inst,
        ctx -> {
          if (limit == null && offset == null && search == null) {
            return s.count(ctx);
          }
          SelectQuery<Record> ids =
              s.select(ctx, List.of(SqlCompiler.col(QuerySpec.BASE, "id")), "id", true);
          return ((Number) ctx.selectCount().from(ids.asTable("ids")).fetchOne(0)).longValue();
        });
  }

  /**
   * @return true when at least one record matches
   */
  public boolean exists() {
    QuerySpec s = new QuerySpec(inst, registry, conditions, List.of(), 1, offset, distinct, search);
    return QueryRunner.read(
        inst, ctx -> ctx.fetchExists(s.select(ctx, List.of(DSL.inline(1)), null, true)));
  }

  /**
   * Registers {@code record} of another instance (e.g. one opened with {@code ln.db(..)}) in this
   * query set's instance, with the same uid: found here by uid (or name) when it exists, else
   * created with the features, labels and records it references, as LaminDB's transfer does. For
   * artifacts see {@link org.lamindb.model.Artifact#transferTo(LaminDB)}.
   *
   * <pre>{@code
   * Artifact mine = ln.artifacts().transfer(db.artifacts().get(uid));
   * }</pre>
   *
   * @param record a saved record of another instance
   * @return the record in this instance
   */
  public T transfer(T record) {
    if (!type.isInstance(record)) {
      throw new InvalidArgumentException(
          "transfer() of "
              + registry.name()
              + " records got a "
              + (record == null ? "null" : record.getClass().getSimpleName()));
    }
    return org.lamindb.internal.artifact.Transfer.record(
        org.lamindb.internal.core.Access.instanceOf(record), record, inst);
  }

  /**
   * Gets a record by uid, by the 16-character stem of a versioned uid (the latest version; if none
   * is latest, the newest), or by a unique uid prefix. Sees all branches, including the trash.
   *
   * @param uidOrStem a full uid, a version-family stem, or a uid prefix
   * @return the record
   * @throws NotFoundException when nothing matches
   * @throws MultipleResultsException when a prefix of a non-versioned uid is ambiguous
   */
  public T get(String uidOrStem) {
    if (registry.uidLength() == 0) {
      throw new InvalidArgumentException(registry.name() + " has no uid; use get(field, value)");
    }
    if (uidOrStem == null || uidOrStem.isEmpty()) {
      throw new InvalidArgumentException(
          "pass a uid to get(), got " + (uidOrStem == null ? "null" : "''"));
    }
    String u = uidOrStem;
    List<Condition> c = new ArrayList<>(conditions);
    List<T> found;
    if (u.length() >= registry.uidLength()) {
      c.add(Condition.of("uid", u));
      found = fetch(new QuerySpec(inst, registry, c, List.of(), 2, null, false, null), "id", false);
    } else if (registry.isVersioned() && u.length() <= registry.stemLength()) {
      c.add(Condition.of("uid__startswith", u));
      found =
          fetch(
              new QuerySpec(
                  inst,
                  registry,
                  c,
                  List.of("-is_latest", "-created_at", "-id"),
                  1,
                  null,
                  false,
                  null),
              "id",
              false);
    } else {
      c.add(Condition.of("uid__startswith", u));
      found = fetch(new QuerySpec(inst, registry, c, List.of(), 2, null, false, null), "id", false);
      if (found.size() > 1) {
        throw new MultipleResultsException(
            "several "
                + registry.name()
                + " records have a uid starting with '"
                + u
                + "'; pass more characters");
      }
    }
    if (found.isEmpty() && registry.name().equals("Collection")) {
      List<Condition> byKey = new ArrayList<>(conditions); // collections: get(key) = latest version
      byKey.add(Condition.of("key", u));
      found =
          fetch(
              new QuerySpec(
                  inst,
                  registry,
                  byKey,
                  List.of("-is_latest", "-created_at", "-id"),
                  1,
                  null,
                  false,
                  null),
              "id",
              false);
    }
    if (found.isEmpty()) {
      throw new NotFoundException("no " + registry.name() + " found with uid '" + u + "'")
          .withHint(
              new org.lamindb.LaminException.Hint(
                  "; did you mean get(\"" + registry.nameField() + "\", \"" + u + "\")?", null));
    }
    return found.get(0);
  }

  /**
   * @return the record with database id {@code id} (any branch)
   */
  public T get(long id) {
    List<Condition> c = new ArrayList<>(conditions);
    c.add(Condition.of("id", id));
    List<T> found =
        fetch(new QuerySpec(inst, registry, c, List.of(), 1, null, false, null), "id", false);
    if (found.isEmpty()) {
      throw new NotFoundException("no " + registry.name() + " with id " + id);
    }
    return found.get(0);
  }

  /**
   * Gets the one record with {@code lookup = value}; for versioned registries the latest version
   * (if no match is latest, the newest match).
   *
   * <pre>{@code Artifact a = ln.artifacts().get("key", "sample.fasta");}</pre>
   *
   * @return the record
   * @throws NotFoundException when none matches
   * @throws MultipleResultsException when several match
   */
  public T get(String lookup, Object value) {
    QuerySet<T> q = filter(lookup, value);
    if (!registry.isVersioned()
        || lookup.startsWith("is_latest")
        || lookup.equals("uid")
        || lookup.equals("id")) {
      return q.one();
    }
    List<T> latest = q.filter("is_latest", true).limit(2).list();
    if (latest.size() == 1) {
      return latest.get(0);
    }
    if (latest.size() > 1) {
      throw new MultipleResultsException(
          "more than one latest "
              + registry.name()
              + " matches "
              + lookup
              + "="
              + value
              + "; add a filter (e.g. storage) or use filter(...).list()");
    }
    return q.orderBy("-created_at", "-id")
        .first()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no "
                        + registry.name()
                        + " with "
                        + lookup
                        + " = "
                        + (value instanceof String ? "'" + value + "'" : value)));
  }

  /**
   * Deletes the matching records: registries with branches move them to the trash (branch −1),
   * others delete them permanently. Deleting the latest version of a family makes the newest
   * remaining version latest.
   *
   * @return the number of records deleted
   */
  public int delete() {
    return BulkOps.delete(spec(), false);
  }

  /**
   * @param permanent true removes the rows for good; false moves them to the trash
   * @return the number of records deleted
   */
  public int delete(boolean permanent) {
    return BulkOps.delete(spec(), permanent);
  }

  /**
   * Sets fields on all matching records in one statement (and bumps {@code updated_at}).
   *
   * <pre>
   * {@code ln.ulabels().filter("name__startswith", "tmp").update(Map.of("description", "temporary"));}
   * </pre>
   *
   * @param values new values by field name
   * @return the number of records updated
   */
  public int update(Map<String, ?> values) {
    return BulkOps.update(spec(), values);
  }

  /**
   * Projects the matching records onto fields or to-one paths ({@code created_by__handle}); to-many
   * paths give a sorted set of values per record.
   *
   * <pre>{@code ln.artifacts().values("key", "size")  // [{key=a.csv, size=10}, ...]}</pre>
   *
   * @return one map per record, keyed by the given names, in the query's order
   */
  public List<Map<String, Object>> values(String... fields) {
    if (fields.length == 0) {
      throw new InvalidArgumentException(
          "name at least one field for values(), e.g. values(\"uid\", \"key\")");
    }
    return DataFrameBuilder.values(spec(), List.of(fields), "id");
  }

  // ---------------------------------------------------------------- validation

  /**
   * Validates values against the registry's name field: exact, case-sensitive membership among the
   * query's records (LaminDB's {@code validate}). Filters narrow the vocabulary, e.g. to one type:
   *
   * <pre>{@code
   * ln.ulabels().validate(List.of("Experiment 1", "experiment 1"));           // [true, false]
   * ln.records().filter("type", sample).validate(List.of("P53mutant1"));      // only Samples count
   * }</pre>
   *
   * <p>An empty registry (or query) validates nothing; {@link #inspect} says so in its messages.
   *
   * @param values the values; nulls and empty strings never validate
   * @return one boolean per value, in input order
   */
  public boolean[] validate(List<String> values) {
    return validate(values, null);
  }

  /**
   * Validates values against {@code field}: exact, case-sensitive membership among the query's
   * records.
   *
   * @param values the values; nulls and empty strings never validate
   * @param field a text field of the registry, e.g. {@code name} or {@code uid}; null for the name
   *     field
   * @return one boolean per value, in input order
   * @throws InvalidArgumentException when {@code field} is not a text field (lists the valid ones)
   */
  public boolean[] validate(List<String> values, String field) {
    String f = QueryVocabulary.field(registry, field);
    Objects.requireNonNull(values, "values");
    java.util.Set<String> unique = new java.util.LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        unique.add(v);
      }
    }
    if (unique.isEmpty()) {
      return new boolean[values.size()];
    }
    QuerySpec s = spec();
    QueryVocabulary.Loaded l =
        QueryVocabulary.canPushDown(s, unique.size())
            ? QueryVocabulary.exactRows(s, f, unique)
            : QueryVocabulary.load(s, f, false, null, false);
    return l.vocabulary().validate(values);
  }

  /**
   * Inspects values against the name field (LaminDB's {@code inspect}): which unique values
   * validate exactly, which do not, and, for the latter, the standard names a case-insensitive or
   * synonym match suggests (synonyms when the registry has a {@code synonyms} column, e.g.
   * Feature).
   *
   * <pre>{@code
   * InspectResult r = ln.features().inspect(List.of("gc_content", "GC_content", "gc", "unicorn"));
   * r.validated();       // [gc_content]
   * r.nonValidated();    // [GC_content, gc, unicorn]
   * r.synonymsMapper();  // {GC_content=gc_content, gc=gc_content} when "gc" is a synonym
   * r.messages().forEach(System.out::println);
   * }</pre>
   *
   * @param values the values; nulls, empty strings and repeats are counted in {@link
   *     InspectResult#nEmpty()}
   * @return the result, with LaminDB's report lines in {@link InspectResult#messages()}
   */
  public InspectResult inspect(List<String> values) {
    return inspect(values, null);
  }

  /**
   * Inspects values against {@code field}; case and synonym hints only for the name field.
   *
   * @param values the values
   * @param field a text field of the registry; null for the name field
   * @return the result
   * @throws InvalidArgumentException when {@code field} is not a text field (lists the valid ones)
   */
  public InspectResult inspect(List<String> values, String field) {
    String f = QueryVocabulary.field(registry, field);
    Objects.requireNonNull(values, "values");
    boolean hints = f.equals(registry.nameField());
    if (values.isEmpty()) {
      return org.lamindb.curate.Vocabulary.of(List.of(), null).inspect(values, f, false);
    }
    QueryVocabulary.Loaded l =
        QueryVocabulary.load(
            spec(), f, hints && QueryVocabulary.usesSynonyms(registry, f), null, false);
    if (l.rows() == 0) {
      return QueryVocabulary.emptyRegistry(registry, values);
    }
    return l.vocabulary().inspect(values, f, hints);
  }

  /**
   * Standardizes values to the query's record names (LaminDB's {@code standardize}): a value equal
   * to a name stays; otherwise a case-insensitive match on the name gives its canonical spelling
   * (the first record in the query's order wins); otherwise a synonym (case-insensitive, when the
   * registry has a {@code synonyms} column) gives its record's name. Unmatched values and nulls are
   * returned unchanged.
   *
   * <pre>
   * {@code ln.features().standardize(List.of("GC_CONTENT", "gc"));   // [gc_content, gc_content]}
   * </pre>
   *
   * @param values the values
   * @return a list of the same length
   */
  public List<String> standardize(List<String> values) {
    return standardize(values, null, null);
  }

  /**
   * Standardizes values to {@code field}; synonyms only count for the name field.
   *
   * @param values the values
   * @param field a text field; null for the name field
   * @return a list of the same length
   * @throws InvalidArgumentException when {@code field} is not a text field (lists the valid ones)
   */
  public List<String> standardize(List<String> values, String field) {
    return standardize(values, field, null);
  }

  /**
   * Standardizes values to {@code field} and returns another field of the matched records, e.g.
   * {@code standardize(names, "name", "uid")} gives uids; unmatched values are returned unchanged.
   *
   * @param values the values
   * @param field a text field to match on; null for the name field
   * @param returnField a text field to return; null for {@code field}
   * @return a list of the same length
   * @throws InvalidArgumentException when a field is not a text field (lists the valid ones)
   */
  public List<String> standardize(List<String> values, String field, String returnField) {
    String f = QueryVocabulary.field(registry, field);
    String rf = returnField == null ? null : QueryVocabulary.field(registry, returnField);
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      return new ArrayList<>();
    }
    QueryVocabulary.Loaded l =
        QueryVocabulary.load(spec(), f, QueryVocabulary.usesSynonyms(registry, f), rf, false);
    return l.vocabulary()
        .standardize(values, false, org.lamindb.curate.Vocabulary.Keep.FIRST, l.returnValues());
  }

  /**
   * @param values the values
   * @return only the values {@link #standardize(List)} changes, mapped to their standard names, in
   *     input order
   */
  public Map<String, String> standardizeMapper(List<String> values) {
    return standardizeMapper(values, null);
  }

  /**
   * @param values the values
   * @param field a text field; null for the name field
   * @return only the values {@link #standardize(List, String)} changes, in input order
   */
  public Map<String, String> standardizeMapper(List<String> values, String field) {
    String f = QueryVocabulary.field(registry, field);
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      return new java.util.LinkedHashMap<>();
    }
    QueryVocabulary.Loaded l =
        QueryVocabulary.load(spec(), f, QueryVocabulary.usesSynonyms(registry, f), null, false);
    return l.vocabulary()
        .standardizeMapper(values, false, org.lamindb.curate.Vocabulary.Keep.FIRST, null);
  }

  /**
   * The query's records for values on the name field (LaminDB's {@code from_values} without a
   * public source): each unique value is matched like {@link #standardize(List)} (exact, then
   * case-insensitive, then synonym); unmatched values are skipped. Nothing is created.
   *
   * <pre>
   * {@code List<ULabel> labels = ln.ulabels().fromValues(List.of("Experiment 1", "experiment 2"));}
   * </pre>
   *
   * @param values the values
   * @return the matched records, one per record, in the order of the first value matching each
   */
  public List<T> fromValues(List<String> values) {
    return fromValues(values, null);
  }

  /**
   * The query's records for values on {@code field}; see {@link #fromValues(List)}.
   *
   * @param values the values
   * @param field a text field; null for the name field
   * @return the matched records
   * @throws InvalidArgumentException when {@code field} is not a text field (lists the valid ones)
   */
  public List<T> fromValues(List<String> values, String field) {
    String f = QueryVocabulary.field(registry, field);
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      return new ArrayList<>();
    }
    QueryVocabulary.Loaded l =
        QueryVocabulary.load(spec(), f, QueryVocabulary.usesSynonyms(registry, f), null, true);
    java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
    for (String v : values) {
      if (v == null || v.isEmpty()) {
        continue;
      }
      int i = l.vocabulary().indexOf(v, false, true, org.lamindb.curate.Vocabulary.Keep.FIRST);
      if (i >= 0) {
        ids.add(l.ids().get(i));
      }
    }
    if (ids.isEmpty()) {
      return new ArrayList<>();
    }
    Map<Long, T> byId = new java.util.HashMap<>();
    List<Long> all = new ArrayList<>(ids);
    for (int start = 0; start < all.size(); start += 900) {
      List<Long> chunk = all.subList(start, Math.min(all.size(), start + 900));
      List<Condition> c = new ArrayList<>(conditions);
      c.add(Condition.of("id__in", new ArrayList<>(chunk)));
      for (T r :
          fetch(new QuerySpec(inst, registry, c, List.of(), null, null, false, null), "id", true)) {
        byId.put(r.id(), r);
      }
    }
    List<T> out = new ArrayList<>(ids.size());
    for (Long id : ids) {
      T r = byId.get(id);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Opens the artifacts of this query (a query on artifacts) as one table accessor with a virtual
   * column {@code artifact_uid}; the filters run in the registry first, so only the matching
   * artifacts' files are opened. Each artifact is recorded as an input of the current run.
   *
   * <pre>{@code
   * ln.artifacts().filter("key__startswith", "runs/").filter("tissue", "lung").open()
   *     .sql("SELECT count(*) FROM data");
   * }</pre>
   *
   * @return the accessor (close it)
   */
  @SuppressWarnings("unchecked")
  public org.lamindb.query.TableAccessor open() {
    if (type != org.lamindb.model.Artifact.class) {
      throw new org.lamindb.InvalidArgumentException(
          "open() reads the files of artifacts; this is a query on "
              + registry().name()
              + " (use ln.artifacts().filter(..).open())");
    }
    return org.lamindb.internal.collection.Lakehouse.open(
        inst, (QuerySet<org.lamindb.model.Artifact>) (QuerySet<?>) this);
  }

  /**
   * Returns the matching records as a DataFrame with LaminDB's columns (spec §9.5): {@code uid},
   * {@code id}, the other public fields, then {@code version_tag, is_latest, is_locked, is_type,
   * created_at}, then foreign keys. Column types follow the fields (text → string, integer → long,
   * timestamps → UTC date-time, JSON → text). Unlike LaminDB (limit 20), all matching rows are
   * returned unless {@link #limit} was set; the default order is {@code -id} (newest first).
   *
   * @return the table
   */
  public Table toDataFrame() {
    return DataFrameBuilder.table(spec(), DataFrameBuilder.defaultColumns(registry), "-id");
  }

  /**
   * @param include related fields to add after the default columns of {@link #toDataFrame()}, e.g.
   *     {@code Include.fields("created_by__handle", "storage__root", "ulabels__name")}; a to-many
   *     path gives one text cell per row with the distinct values sorted and joined by {@code ",
   *     "}; features only ({@link Include#FEATURES}) come after {@code uid}, {@code id} and the
   *     name field
   * @return the table
   */
  public Table toDataFrame(Include include) {
    List<String> cols = new ArrayList<>();
    if (!include.paths().isEmpty()) {
      cols.addAll(DataFrameBuilder.defaultColumns(registry));
    } else {
      if (registry.field("uid").isPresent()) {
        cols.add("uid");
      }
      cols.add("id");
    }
    if (registry.field(registry.nameField()).isPresent() && !cols.contains(registry.nameField())) {
      cols.add(registry.nameField());
    }
    for (String p : include.paths()) {
      if (!cols.contains(p)) {
        cols.add(p);
      }
    }
    Table t = DataFrameBuilder.table(spec(), cols, "-id");
    if (include.includesFeatures()) {
      org.lamindb.internal.features.FeatureColumns.append(
          inst, registry, t, include.featureNames());
    }
    return t;
  }

  private String describe() {
    return conditions.isEmpty()
        ? "the query"
        : conditions.size() == 1
            ? conditions.get(0).toString()
            : Condition.allOf(conditions).toString();
  }

  @Override
  public String toString() {
    return "QuerySet("
        + registry.name()
        + (conditions.isEmpty() ? "" : ", " + describe())
        + (order.isEmpty() ? "" : ", order=" + order)
        + (limit == null ? "" : ", limit=" + limit)
        + (search == null ? "" : ", search='" + search + "'")
        + ")";
  }
}
