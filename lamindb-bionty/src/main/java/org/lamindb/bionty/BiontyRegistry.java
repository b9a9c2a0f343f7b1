package org.lamindb.bionty;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.internal.db.Hierarchy;
import org.lamindb.bionty.internal.db.Snapshot;
import org.lamindb.bionty.internal.db.TableImporter;
import org.lamindb.bionty.internal.match.SearchRanker;
import org.lamindb.bionty.model.BioRecord;
import org.lamindb.curate.InspectResult;
import org.lamindb.curate.Vocabulary;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;

/**
 * One bionty registry of an instance (e.g. CellType): import sources, validate/inspect/standardize
 * values against its records, search them, and walk their hierarchy.
 *
 * <pre>{@code
 * Bionty bt = ln.module(Bionty.class);
 * bt.cellTypes().importSource(Path.of("cl-basic.obo"));
 * bt.cellTypes().validate(List.of("T cell", "t cell"));           // [true, false]
 * bt.cellTypes().standardize(List.of("T-cell"));                  // [T cell]
 * CellType t = bt.cellTypes().get("CL:0000084");
 * bt.cellTypes().viewParents(t, GraphFormat.MERMAID);
 * }</pre>
 *
 * @param <T> the entity class
 */
public class BiontyRegistry<T extends BioRecord<T>> {
  final Bionty bt;
  final BiontyEntity entity;
  final Class<T> type;

  BiontyRegistry(Bionty bt, BiontyEntity entity, Class<T> type) {
    this.bt = bt;
    this.entity = entity;
    this.type = type;
  }

  /**
   * @return which registry this is
   */
  public BiontyEntity entity() {
    return entity;
  }

  /**
   * @return a query over the registry's records
   */
  public QuerySet<T> query() {
    return QuerySet.of(bt.ln(), type);
  }

  /**
   * @return number of records (trash excluded)
   */
  public long count() {
    return query().count();
  }

  /**
   * @return all records, in id order
   */
  public List<T> list() {
    return query().list();
  }

  /**
   * @param ontologyId the ontology id (Ensembl id for genes)
   * @return the record
   * @throws org.lamindb.NotFoundException when there is none
   */
  public T get(String ontologyId) {
    return query().get(ontologyIdField(), ontologyId);
  }

  // ---- import
  // ----------------------------------------------------------------------------------------------

  /**
   * Imports the registry's currently used source (see {@link Bionty#sources()}): from the cache
   * when it was fetched before, else downloaded into the cache once (with progress reports).
   *
   * @return what was imported
   * @throws org.lamindb.StorageException offline or for sources without a downloadable URL; the
   *     message says how to import a local file instead
   */
  public ImportReport importSource() {
    return importResolved(bt.fetchFor(bt.currentSource(entity, null)));
  }

  /**
   * @return the source this registry currently uses (the instance's row, else LaminDB's default)
   */
  public SourceInfo currentSource() {
    return bt.currentSource(entity, null);
  }

  /**
   * The registry's current source as an in-memory {@link PublicOntology} (LaminDB's {@code
   * Registry.public()}), fetched into the cache once; pass it to {@link #inspect(List, String,
   * PublicOntology)} or {@link #fromValues} to find values that are in the ontology but not yet in
   * the registry.
   *
   * @return the public ontology
   * @throws InvalidArgumentException for Gene, Protein and CellMarker, whose sources are tables
   * @throws org.lamindb.StorageException when the source cannot be fetched
   */
  public PublicOntology publicSource() {
    return publicSource(bt.currentSource(entity, null));
  }

  /**
   * @param sourceName e.g. {@code doid}
   * @param version null for the version currently used
   * @return that source as an in-memory {@link PublicOntology}, fetched into the cache once
   */
  public PublicOntology publicSource(String sourceName, String version) {
    return publicSource(bt.namedSource(entity, sourceName, version));
  }

  private PublicOntology publicSource(SourceInfo s) {
    if (TableImporter.handles(entity) && entity != BiontyEntity.ORGANISM) {
      throw new InvalidArgumentException(
          entity.className()
              + " sources are tables; import them with importSource() and validate against the"
              + " registry");
    }
    return PublicOntology.load(bt.fetch(s), entity, s.name());
  }

  /**
   * Imports a given version of a named source, e.g. {@code importSource("doid", "2025-12-23")}: the
   * instance's Source row of that version if it has one, else LaminDB's default for that name with
   * the version swapped into its URL; fetched into the cache once.
   *
   * @param sourceName e.g. {@code mondo}, {@code uniprot}
   * @param version null for the version currently used
   * @return what was imported
   * @throws InvalidArgumentException for a source name this registry does not know
   */
  public ImportReport importSource(String sourceName, String version) {
    return importResolved(bt.fetchFor(bt.namedSource(entity, sourceName, version)));
  }

  /**
   * Imports a local source file: an ontology (OBO, OWL, cellxgene or OBO Graph JSON, parquet) or,
   * for Gene, Protein, CellMarker and Organism, a table (parquet, CSV, TSV); source name, version
   * and organism are detected from the file, else taken from the registry's current source.
   *
   * @return what was imported
   */
  public ImportReport importSource(Path file) {
    return importSource(file, null, null, null);
  }

  /**
   * Imports a local source file as version {@code version} of source {@code sourceName}.
   *
   * @param sourceName e.g. {@code cl}; null to detect from the file
   * @param version e.g. {@code 2025-04-10}; null to detect from the file
   * @return what was imported
   * @see #importSource(Path, String, String, String)
   */
  public ImportReport importSource(Path file, String sourceName, String version) {
    return importSource(file, sourceName, version, null);
  }

  /**
   * Imports a local source file as version {@code version} of source {@code sourceName} for {@code
   * organism}. Records whose key (ontology id, Ensembl id, UniProtKB id, marker name) exists are
   * updated in place (their links to artifacts stay), new ones are added, parent links are replaced
   * by the file's; everything in one transaction.
   *
   * @param sourceName e.g. {@code cl}; null to detect from the file
   * @param version e.g. {@code 2025-04-10}; null to detect from the file
   * @param organism e.g. {@code mouse}, required by Gene, Protein and CellMarker unless the file
   *     name or the source tells it; null to detect
   * @return what was imported
   */
  public ImportReport importSource(Path file, String sourceName, String version, String organism) {
    if (entity.requiresOrganism() && organism == null && Bionty.organismOfFile(file) == null) {
      throw new InvalidArgumentException(
          "`organism` is required to import "
              + entity.className()
              + " records from "
              + file.getFileName()
              + "; pass it, e.g. importSource(file, null, null, \"human\") or `--organism human`");
    }
    SourceInfo s = bt.sourceFor(entity, file, sourceName, version, organism);
    return importResolved(new Bionty.Fetched(file, s));
  }

  /** Imports a local file that stands for source {@code f.source()}. */
  ImportReport importResolved(Bionty.Fetched f) {
    Path file = f.file();
    SourceInfo s = f.source();
    ImportReport r;
    if (TableImporter.handles(entity) && !isOntologyFile(file)) {
      String org = entity.requiresOrganism() ? organismOf(s) : null;
      Long orgId = org == null ? null : bt.organism(org).id();
      r = bt.importTable(entity, file, s, orgId, org);
    } else if (entity.ontologyIdField().filter(x -> x.equals("ontology_id")).isPresent()) {
      r = bt.importOntology(entity, file, s);
    } else {
      throw new InvalidArgumentException(
          entity.className()
              + " records are imported from tables (.parquet, .csv, .tsv), not from "
              + file.getFileName());
    }
    bt.snapshots().invalidate();
    return r;
  }

  private String organismOf(SourceInfo s) {
    if (s.organism() == null || s.organism().equals("all")) {
      throw new InvalidArgumentException(
          "`organism` is required to import "
              + entity.className()
              + " records; pass it, e.g. importSource(file, null, null, \"human\") or"
              + " `--organism human`");
    }
    return s.organism();
  }

  private boolean isOntologyFile(Path file) {
    String n = org.lamindb.bionty.internal.parse.SourceFiles.baseName(file);
    return entity == BiontyEntity.ORGANISM
        && (n.endsWith(".obo") || n.endsWith(".owl") || n.endsWith(".json"));
  }

  // ---- validation
  // ------------------------------------------------------------------------------------------

  /**
   * @return one boolean per value: exact, case-sensitive match on the name field
   */
  public boolean[] validate(List<String> values) {
    return validate(values, entity.nameField());
  }

  /**
   * @return one boolean per value: exact, case-sensitive match on {@code field}; ontology ids match
   *     in either separator form ({@code CVCL_0030} and {@code CVCL:0030})
   */
  public boolean[] validate(List<String> values, String field) {
    var vocabulary = snapshot(values, field, null).vocabulary();
    return field.equals("ontology_id")
        ? org.lamindb.bionty.internal.parse.OntologyIds.validateEitherForm(
            values, vocabulary::validate)
        : vocabulary.validate(values);
  }

  /**
   * @return validated/non-validated values with synonym and casing hints, on the name field
   */
  public InspectResult inspect(List<String> values) {
    return inspect(values, entity.nameField());
  }

  /**
   * @return validated/non-validated values on {@code field}; hints only for the name field
   */
  public InspectResult inspect(List<String> values, String field) {
    return inspect(values, field, (String) null);
  }

  InspectResult inspect(List<String> values, String field, String organism) {
    Snapshot s = snapshot(values, field, organism);
    if (s.ids().isEmpty()) {
      List<String> msg =
          List.of(
              "! Your "
                  + entity.className()
                  + " registry is empty, consider "
                  + "populating it first!\n   → use `.import_source()` to import records from a source, "
                  + "e.g. a public ontology");
      return new InspectResult(
          List.of(), distinct(values), Map.of(), 0, distinct(values).size(), msg);
    }
    return s.vocabulary().inspect(values, field, field.equals(entity.nameField()));
  }

  /**
   * Inspects against the registry, then looks the values the registry lacks up in {@code
   * publicSource} and adds LaminDB's hints to the messages (found in the source, found as synonyms,
   * not found anywhere). The validated/non-validated lists are the registry's.
   *
   * @return the registry's result with the public-source messages appended
   */
  public InspectResult inspect(List<String> values, String field, PublicOntology publicSource) {
    InspectResult db = inspect(values, field);
    List<String> rest = new ArrayList<>();
    for (String v : db.nonValidated()) {
      if (!db.synonymsMapper().containsKey(v)) {
        rest.add(v);
      }
    }
    List<String> messages = new ArrayList<>(db.messages());
    if (!rest.isEmpty()) {
      String pf = field.equals(ontologyIdField()) ? "ontology_id" : "name";
      boolean[] inPublic = publicSource.validate(rest, pf);
      List<String> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < rest.size(); i++) {
        (inPublic[i] ? found : missing).add(rest.get(i));
      }
      Map<String, String> mapped =
          pf.equals("name") ? publicSource.standardizeMapper(missing) : Map.of();
      missing.removeAll(mapped.keySet());
      String model = entity.className();
      if (!found.isEmpty()) {
        messages.add(
            "   detected "
                + found.size()
                + " "
                + model
                + " term(s) in public source for "
                + field
                + ": "
                + String.join(", ", found));
      }
      if (!mapped.isEmpty()) {
        messages.add(
            "   detected "
                + mapped.size()
                + " "
                + model
                + " term(s) in public source as synonym(s): "
                + String.join(", ", mapped.keySet()));
      }
      if (!found.isEmpty() || !mapped.isEmpty()) {
        messages.add(
            "→  add records from public source to your " + model + " registry via .from_values()");
      }
      if (!missing.isEmpty()) {
        messages.add(
            "   couldn't validate " + missing.size() + " term(s): " + String.join(", ", missing));
        messages.add(
            "→  if you are sure, create new record(s) via "
                + model
                + "() and save to your registry");
      }
    }
    return new InspectResult(
        db.validated(),
        db.nonValidated(),
        db.synonymsMapper(),
        db.nEmpty(),
        db.nUnique(),
        messages);
  }

  /**
   * @return values mapped to record names (case-insensitive, then synonyms); unmapped values
   *     unchanged
   */
  public List<String> standardize(List<String> values) {
    return standardize(values, entity.nameField(), null);
  }

  /**
   * @param field the field to map to, e.g. {@code name}
   * @param returnField the field to return instead, e.g. {@code ontology_id}; null for {@code
   *     field}
   * @return standardized values, same length as the input
   */
  public List<String> standardize(List<String> values, String field, String returnField) {
    Snapshot s = snapshot(values, field, null);
    List<String> ret = returnField == null ? null : column(s, returnField);
    return s.vocabulary().standardize(values, false, Vocabulary.Keep.FIRST, ret);
  }

  /**
   * @return only the values standardization changes, mapped to record names
   */
  public Map<String, String> standardizeMapper(List<String> values) {
    Snapshot s = snapshot(values, entity.nameField(), null);
    return s.vocabulary().standardizeMapper(values, false, Vocabulary.Keep.FIRST, null);
  }

  /**
   * Records for values: existing records (matched on {@code field} ignoring case as LaminDB's
   * standardization does, or through synonyms on the name field), plus new unsaved records for
   * values found in {@code publicSource} (null: database only). Save new ones with {@code save()}.
   *
   * @return existing and new records, one per matched unique value
   */
  public List<T> fromValues(List<String> values, String field, PublicOntology publicSource) {
    Snapshot s = snapshot(values, field, null);
    boolean byName = field.equals(entity.nameField());
    Map<String, Long> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String v : new LinkedHashSet<>(values)) {
      if (v == null || v.isEmpty()) {
        continue;
      }
      int i = s.vocabulary().indexOf(v, false, byName, Vocabulary.Keep.FIRST);
      if (i >= 0) {
        found.putIfAbsent(v, s.ids().get(i));
      } else {
        missing.add(v);
      }
    }
    List<T> out = new ArrayList<>(load(new ArrayList<>(new LinkedHashSet<>(found.values()))));
    if (publicSource != null && !missing.isEmpty()) {
      Map<String, OntologyTerm> byKey = new HashMap<>();
      for (OntologyTerm t : publicSource.terms()) {
        byKey.putIfAbsent(field.equals("ontology_id") ? t.ontologyId() : t.name(), t);
      }
      List<String> std = byName ? publicSource.standardize(missing) : missing;
      for (String v : std) {
        OntologyTerm t = byKey.get(v);
        if (t != null) {
          out.add(bt.newRecord(entity, type, t));
        }
      }
    }
    return out;
  }

  /**
   * Saves records created by {@link #fromValues} from {@code publicSource} together with all their
   * ancestors in that source that are not yet in the registry, and links them, in one transaction
   * (what LaminDB does when such records are saved).
   *
   * <pre>{@code
   * List<CellType> recs = bt.cellTypes().fromValues(List.of("T-cell"), "name", cl);
   * bt.cellTypes().saveWithAncestors(recs, cl);   // T cell, lymphocyte, ..., cell and their links
   * }</pre>
   *
   * @return the saved records, reloaded, in the order given
   */
  public List<T> saveWithAncestors(List<T> records, PublicOntology publicSource) {
    Map<String, OntologyTerm> byId = new HashMap<>();
    for (OntologyTerm t : publicSource.terms()) {
      byId.putIfAbsent(t.ontologyId(), t);
    }
    Map<String, OntologyTerm> closure = new LinkedHashMap<>();
    ArrayDeque<String> todo = new ArrayDeque<>();
    List<String> wanted = new ArrayList<>();
    for (T r : records) {
      Object oid = r.get(ontologyIdField());
      if (oid == null || !byId.containsKey(oid.toString())) {
        throw new InvalidArgumentException(
            r
                + " is not a term of "
                + publicSource.summary().sourceName()
                + "; save it with save()");
      }
      wanted.add(oid.toString());
      todo.add(oid.toString());
    }
    while (!todo.isEmpty()) {
      OntologyTerm t = byId.get(todo.poll());
      if (t != null && closure.putIfAbsent(t.ontologyId(), t) == null) {
        todo.addAll(t.parents());
      }
    }
    Snapshot existing = bt.snapshots().get(entity, ontologyIdField(), null);
    List<OntologyTerm> toWrite = new ArrayList<>();
    for (OntologyTerm t : closure.values()) {
      if (wanted.contains(t.ontologyId()) || !existing.vocabulary().contains(t.ontologyId())) {
        toWrite.add(t);
      }
    }
    OntologyFiles.ReadSummary s = publicSource.summary();
    SourceInfo source = bt.sourceFor(entity, null, s.sourceName(), s.version(), null);
    bt.importSome(entity, toWrite, source);
    bt.snapshots().invalidate();
    List<T> out = new ArrayList<>();
    for (String oid : wanted) {
      out.add(get(oid));
    }
    return out;
  }

  /**
   * @return up to 20 records ranked for {@code text} over name, synonyms and ontology id
   */
  public List<T> search(String text) {
    return search(text, 20);
  }

  /**
   * @return up to {@code limit} records ranked for {@code text} (all when non-positive)
   */
  public List<T> search(String text, int limit) {
    Snapshot s = bt.snapshots().get(entity, entity.nameField(), null);
    List<Long> ids = new ArrayList<>();
    for (SearchHit h : SearchRanker.search(text, s.names(), s.ontologyIds(), s.lowered(), limit)) {
      ids.add(s.ids().get(h.index()));
    }
    return load(ids);
  }

  // ---- synonyms and abbreviations --------------------------------------------------------------

  /**
   * Adds synonyms to a saved record. A synonym must not contain {@code |} and must not already be a
   * synonym of another record (unless {@code force}).
   *
   * @return the record, saved
   */
  public T addSynonym(T rec, List<String> synonyms, boolean force) {
    Snapshot s = bt.snapshots().get(entity, entity.nameField(), null);
    List<String> all = new ArrayList<>(rec.synonyms());
    for (String syn : synonyms) {
      if (syn.contains("|")) {
        throw new InvalidArgumentException(
            "a synonym must not contain '|': '" + syn + "'; pass each synonym separately");
      }
      int other = s.vocabulary().indexOf(syn, true, true, Vocabulary.Keep.FIRST);
      if (!force && other >= 0 && !s.ids().get(other).equals(rec.id())) {
        throw new InvalidArgumentException(
            "'"
                + syn
                + "' is already the name or a synonym of "
                + entity.className()
                + " '"
                + s.names().get(other)
                + "'; pass force=true to add it anyway");
      }
      if (!all.contains(syn)) {
        all.add(syn);
      }
    }
    rec.synonyms(all).save();
    bt.snapshots().invalidate();
    return rec;
  }

  /** Removes synonyms from a saved record; returns it, saved. */
  public T removeSynonym(T rec, List<String> synonyms) {
    List<String> all = new ArrayList<>(rec.synonyms());
    all.removeAll(synonyms);
    rec.synonyms(all).save();
    bt.snapshots().invalidate();
    return rec;
  }

  /**
   * Sets the (unique) abbreviation of a saved record and adds it to its synonyms; returns it,
   * saved.
   */
  public T setAbbr(T rec, String abbr) {
    rec.abbr(abbr);
    return addSynonym(rec, List.of(abbr), true);
  }

  // ---- hierarchy
  // -------------------------------------------------------------------------------------------

  /**
   * @return the direct parents of {@code rec}
   */
  public List<T> parents(T rec) {
    return load(hierarchy().parents(saved(rec)));
  }

  /**
   * @return the direct children of {@code rec}
   */
  public List<T> children(T rec) {
    return load(hierarchy().children(saved(rec)));
  }

  /**
   * @return every ancestor of {@code rec}, nearest first
   */
  public List<T> ancestors(T rec) {
    List<Long> ids = new ArrayList<>(hierarchy().ancestorGraph(saved(rec)).keySet());
    ids.remove(rec.id());
    return load(ids);
  }

  /**
   * @return the graph of {@code rec} and its ancestors as DOT or Mermaid text (edges child →
   *     parent)
   */
  public String viewParents(T rec, GraphFormat format) {
    Map<Long, List<Long>> graph = hierarchy().ancestorGraph(saved(rec));
    Map<Long, T> byId = new HashMap<>();
    for (T r : load(new ArrayList<>(graph.keySet()))) {
      byId.put(r.id(), r);
    }
    return GraphText.render(graph, byId, rec.id(), format);
  }

  // ---- helpers
  // ---------------------------------------------------------------------------------------------

  Snapshot snapshot(List<String> values, String field, String organism) {
    checkField(field);
    return bt.snapshots().get(entity, field, null);
  }

  void checkField(String field) {
    if (field == null || bt.registryDef(entity).field(field).isEmpty()) {
      throw new InvalidArgumentException(
          "no field '"
              + field
              + "' on "
              + entity.registryName()
              + "; fields: "
              + String.join(", ", bt.registryDef(entity).fields().keySet()));
    }
  }

  String ontologyIdField() {
    return entity.ontologyIdField().orElse(entity.nameField());
  }

  private List<String> column(Snapshot s, String field) {
    if (field.equals(entity.nameField())) {
      return s.names();
    }
    if (s.ontologyIds() != null && field.equals(ontologyIdField())) {
      return s.ontologyIds();
    }
    throw new InvalidArgumentException(
        "return field must be "
            + entity.nameField()
            + " or "
            + ontologyIdField()
            + ", not '"
            + field
            + "'");
  }

  private Hierarchy hierarchy() {
    if (!entity.hasParents()) {
      throw new InvalidArgumentException(entity.className() + " records have no parents");
    }
    return new Hierarchy(bt.db(), entity);
  }

  private static long saved(SQLRecord<?> rec) {
    if (rec.id() == null) {
      throw new InvalidArgumentException(rec + " is not saved; save it first");
    }
    return rec.id();
  }

  /**
   * @return records with {@code ids}, in the order of {@code ids}
   */
  List<T> load(List<Long> ids) {
    return bt.context().load(type, ids);
  }

  private static List<String> distinct(List<String> values) {
    Set<String> s = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        s.add(v);
      }
    }
    return new ArrayList<>(s);
  }
}
