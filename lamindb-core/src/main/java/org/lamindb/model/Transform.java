package org.lamindb.model;

import java.time.OffsetDateTime;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A transform (lamindb_transform): a versioned piece of code that creates data — a script, a
 * pipeline step, a function. Each execution is a {@link Run}.
 */
public final class Transform extends SQLRecord<Transform> {

  // ---- typed fields for filters: ln.transforms().filter(Transform.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code key} for filters and ordering. */
  public static final org.lamindb.query.TextField KEY = org.lamindb.query.Field.text("key");

  /** Typed field {@code description} for filters and ordering. */
  public static final org.lamindb.query.TextField DESCRIPTION =
      org.lamindb.query.Field.text("description");

  /** Typed field {@code kind} for filters and ordering. */
  public static final org.lamindb.query.TextField KIND = org.lamindb.query.Field.text("kind");

  /** Typed field {@code hash} for filters and ordering. */
  public static final org.lamindb.query.TextField HASH = org.lamindb.query.Field.text("hash");

  /** Typed field {@code reference} for filters and ordering. */
  public static final org.lamindb.query.TextField REFERENCE =
      org.lamindb.query.Field.text("reference");

  /** Typed field {@code version_tag} for filters and ordering. */
  public static final org.lamindb.query.TextField VERSION_TAG =
      org.lamindb.query.Field.text("version_tag");

  /** Typed field {@code is_latest} for filters and ordering. */
  public static final org.lamindb.query.Field<Boolean> IS_LATEST =
      org.lamindb.query.Field.of("is_latest", Boolean.class);

  /** Typed field {@code created_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> CREATED_AT =
      org.lamindb.query.Field.of("created_at", java.time.OffsetDateTime.class);

  /** Typed field {@code updated_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> UPDATED_AT =
      org.lamindb.query.Field.of("updated_at", java.time.OffsetDateTime.class);

  /** Typed field {@code branch_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> BRANCH_ID =
      org.lamindb.query.Field.of("branch_id", Long.class);

  /** Typed field {@code created_by_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> CREATED_BY_ID =
      org.lamindb.query.Field.of("created_by_id", Long.class);

  /**
   * Creates an empty, unsaved entity; use the factories of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Transform(LaminDB ln) {
    super(ln, CoreRegistries.TRANSFORM);
  }

  /**
   * @return the key, e.g. {@code create-fasta.java}
   */
  public String key() {
    return str("key");
  }

  /** Sets the key. */
  public Transform key(String value) {
    return set("key", value);
  }

  /**
   * @return the description
   */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Transform description(String value) {
    return set("description", value);
  }

  /**
   * @return {@code pipeline}, {@code script}, {@code notebook} or {@code function}
   */
  public String kind() {
    return str("kind");
  }

  /** Sets the kind ({@code pipeline}, {@code script}, {@code notebook} or {@code function}). */
  public Transform kind(String value) {
    return set("kind", value);
  }

  /**
   * @return the stored source code (secrets redacted), or null
   */
  public String sourceCode() {
    return str("source_code");
  }

  /**
   * @return hash of the (unredacted) source
   */
  public String hash() {
    return str("hash");
  }

  /**
   * @return the version tag if set, else the 4-character uid suffix
   */
  public String version() {
    String tag = str("version_tag");
    String uid = uid();
    return tag != null ? tag : uid == null ? null : uid.substring(uid.length() - 4);
  }

  /**
   * @return the version tag, or null
   */
  public String versionTag() {
    return str("version_tag");
  }

  /** Sets the version tag. */
  public Transform versionTag(String value) {
    return set("version_tag", value);
  }

  /**
   * @return true for the latest version of its family
   */
  public boolean isLatest() {
    return Boolean.TRUE.equals(bool("is_latest"));
  }

  /**
   * @return creation time
   */
  public OffsetDateTime createdAt() {
    return time("created_at");
  }

  /**
   * @return the creating user
   */
  public User createdBy() {
    return related("created_by", User.class);
  }

  // ---- features & labels ----

  /**
   * @return the ulabels linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> ulabels() {
    return new LabelManager<>(this, "ulabels", ULabel.class);
  }

  /**
   * @return the projects linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }

  /**
   * @return the references linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Reference> references() {
    return new LabelManager<>(this, "references", Reference.class);
  }

  /**
   * @return the records linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> records() {
    return new LabelManager<>(this, "records", Record.class);
  }

  /**
   * @return the transforms declared to come before this one ({@code add}, {@code remove}, {@code
   *     list}); LaminDB's {@code transform.predecessors}
   */
  public LabelManager<Transform> predecessors() {
    return new LabelManager<>(this, "predecessors", Transform.class);
  }

  /**
   * @return the transforms declared to come after this one (the reverse of {@link #predecessors()})
   */
  public LabelManager<Transform> successors() {
    return new LabelManager<>(this, "successors", Transform.class);
  }

  /**
   * Draws the declared predecessors and successors of this transform, transitively (LaminDB's
   * {@code Transform.view_lineage()}: only manually declared links, not data lineage), prints it as
   * a Mermaid flowchart and returns it for other renderings.
   *
   * <pre>{@code
   * Transform align = ln.transforms().get("key", "align.sh");
   * align.predecessors().add(ln.transforms().get("key", "trim.sh"));
   * align.viewLineage();   // trim.sh --> align.sh
   * }</pre>
   *
   * @return the graph: transform nodes, edges predecessor → successor
   */
  public org.lamindb.lineage.LineageGraph viewLineage() {
    org.lamindb.lineage.LineageGraph g = transformLineage();
    System.out.println(g.toMermaid());
    return g;
  }

  /**
   * @return the graph of {@link #viewLineage()}, not printed
   */
  public org.lamindb.lineage.LineageGraph transformLineage() {
    org.lamindb.lineage.LineageGraph g = new org.lamindb.lineage.LineageGraph(nodeId(this));
    java.util.ArrayDeque<Transform> todo = new java.util.ArrayDeque<>(java.util.List.of(this));
    java.util.Set<Long> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      Transform t = todo.pop();
      if (!seen.add(t.id())) {
        continue;
      }
      g.addNode(node(t));
      for (Transform p : t.predecessors().list()) {
        g.addNode(node(p));
        g.addEdge(nodeId(p), nodeId(t));
        todo.push(p);
      }
      for (Transform s : t.successors().list()) {
        g.addNode(node(s));
        g.addEdge(nodeId(t), nodeId(s));
        todo.push(s);
      }
    }
    return g;
  }

  private static org.lamindb.lineage.LineageGraph.Node node(Transform t) {
    return new org.lamindb.lineage.LineageGraph.Node(
        nodeId(t), "transform", t.uid(), t.key() != null ? t.key() : t.uid());
  }

  private static String nodeId(Transform t) {
    return "transform_" + t.uid();
  }

  /**
   * @return the markdown notes of this transform: readme (versioned) and comments
   */
  public Notes notes() {
    return org.lamindb.internal.db.NoteStore.of(instance()).forHost("transform", this);
  }
}
