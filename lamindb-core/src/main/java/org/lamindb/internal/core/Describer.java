package org.lamindb.internal.core;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.RegistryDef;

/**
 * Renders {@code describe()} trees as LaminDB does (spec §10): a header {@code <Model>: <title>}, a
 * two-column block of general fields, then sections. Plain text, or with ANSI colours for
 * terminals.
 */
public final class Describer {
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
  private final Instance inst;
  private final List<DescribeSection> sections = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<GeneralFields> fields = new java.util.concurrent.CopyOnWriteArrayList<>();

  Describer(Instance inst) {
    this.inst = inst;
  }

  /** Contributes sections to describe trees (labels, features, storage path, ...). */
  public interface DescribeSection {
    /**
     * @param rec the record being described
     * @return sections to add: a title line and its child lines (may be empty)
     */
    List<Section> sections(SQLRecord<?> rec);
  }

  /** Contributes registry-specific {@code name: value} items to the two-column block. */
  public interface GeneralFields {
    /**
     * @param rec the record being described
     * @return items such as {@code status: completed}, placed after {@code uid} (may be empty)
     */
    List<String> fields(SQLRecord<?> rec);
  }

  /** Adds a provider of two-column block items (used by runs). */
  public void addFields(GeneralFields f) {
    fields.add(f);
  }

  /**
   * @return {@code t} as describe() prints timestamps: {@code yyyy-MM-dd HH:mm:ss UTC}
   */
  public static String timestamp(OffsetDateTime t) {
    return TS.format(t.withOffsetSameInstant(java.time.ZoneOffset.UTC));
  }

  /** One section of a describe tree. */
  public record Section(String title, List<String> lines) {}

  /** Adds a section provider (used by artifacts, features and labels). */
  public void addSection(DescribeSection s) {
    sections.add(s);
  }

  /**
   * @return the tree for {@code rec}; coloured when {@code color}
   */
  public String describe(SQLRecord<?> rec, boolean color) {
    RegistryDef r = rec.registry();
    StringBuilder out = new StringBuilder();
    String header = r.name() + ": " + title(rec);
    out.append(color ? "\u001b[1m" + header + "\u001b[0m" : header).append('\n');
    String guide = color ? "\u001b[2m" : "";
    String reset = color ? "\u001b[0m" : "";
    List<String> pairs = generalFields(rec);
    List<Section> secs = new ArrayList<>();
    for (DescribeSection s : sections) {
      secs.addAll(s.sections(rec));
    }
    // LaminDB order: storage/path, features, then labels last
    List<Section> labels = secs.stream().filter(x -> x.title().equals("Labels")).toList();
    secs.removeAll(labels);
    secs.addAll(labels);
    boolean hasMore = !secs.isEmpty();
    for (int i = 0; i < pairs.size(); i += 2) {
      String left = pairs.get(i);
      String right = i + 1 < pairs.size() ? pairs.get(i + 1) : "";
      String prefix = i == 0 ? (hasMore ? "├── " : "└── ") : (hasMore ? "│   " : "    ");
      String line = right.isEmpty() ? left : String.format("%-38s%s", left, right);
      out.append(guide).append(prefix).append(reset).append(line.stripTrailing()).append('\n');
    }
    for (int s = 0; s < secs.size(); s++) {
      Section sec = secs.get(s);
      boolean last = s == secs.size() - 1;
      out.append(guide)
          .append(last ? "└── " : "├── ")
          .append(reset)
          .append(sec.title())
          .append('\n');
      for (int j = 0; j < sec.lines().size(); j++) {
        String cont = last ? "    " : "│   ";
        out.append(guide)
            .append(cont)
            .append(reset)
            .append(sec.lines().get(j).stripTrailing())
            .append('\n');
      }
    }
    return out.toString();
  }

  String title(SQLRecord<?> rec) {
    RegistryDef r = rec.registry();
    if (r.isVersioned()) {
      Object key = rec.get("key");
      String uid = rec.uid();
      Object tag = rec.get("version_tag");
      String version =
          tag != null ? tag.toString() : uid == null ? "" : uid.substring(uid.length() - 4);
      String t = (key == null ? "" : key) + " (" + version + ")";
      Object d = rec.get("description");
      return d == null ? t : t + "\n│   description: " + d;
    }
    Object v = rec.get(r.nameField());
    if (r.name().equals("Run")) {
      String uid = rec.uid();
      Object n = rec.get("name");
      String name = n != null ? n.toString() : uid == null ? "(unsaved)" : uid.substring(0, 7);
      Object key = rec.get("transform_id") instanceof Long tid ? transformKey(tid) : null;
      return key == null ? name : name + " (" + key + ")";
    }
    if (v == null) {
      String uid = rec.uid();
      return uid == null ? "(unsaved)" : uid.substring(0, Math.min(7, uid.length()));
    }
    return v.toString();
  }

  private List<String> generalFields(SQLRecord<?> rec) {
    List<String> pairs = new ArrayList<>();
    Map<String, Object> v = rec.values();
    if (rec.uid() != null) {
      pairs.add("uid: " + rec.uid());
    }
    for (GeneralFields g : fields) {
      pairs.addAll(g.fields(rec));
    }
    if (v.get("run_id") instanceof Long runId && rec.registry().relation("run").isPresent()) {
      pairs.add("run: " + runLabel(runId));
    }
    for (String f :
        List.of("kind", "otype", "hash", "size", "n_observations", "n_files", "root", "type")) {
      Object x = v.get(f);
      if (x != null && rec.registry().field(f).isPresent()) {
        pairs.add(f + ": " + (f.equals("size") ? humanSize((Long) x) : x));
      }
    }
    if (v.get("branch_id") != null) {
      pairs.add("branch: " + branchName((Long) v.get("branch_id")));
      pairs.add(
          "space: " + (Long.valueOf(1).equals(v.get("space_id")) ? "all" : v.get("space_id")));
    }
    if (v.get("created_at") instanceof OffsetDateTime t) {
      pairs.add("created_at: " + timestamp(t));
    }
    if (v.get("created_by_id") != null) {
      pairs.add("created_by: " + handle((Long) v.get("created_by_id")));
    }
    if (v.get("schema_id") instanceof Number sid && rec.registry().name().equals("Artifact")) {
      RecordStore.byId(inst, CoreRegistries.SCHEMA, sid.longValue())
          .ifPresent(
              s ->
                  pairs.add(
                      "schema: "
                          + (s.get("name") != null
                              ? s.get("name")
                              : s.uid().substring(0, Math.min(7, s.uid().length())))));
    }
    return pairs;
  }

  private String runLabel(long runId) {
    var run = RecordStore.byId(inst, CoreRegistries.RUN, runId);
    if (run.isEmpty()) {
      return String.valueOf(runId);
    }
    String uid = run.get().uid();
    Object tid = run.get().get("transform_id");
    String key = tid == null ? "" : transformKey((Long) tid);
    return uid.substring(0, 7) + " (" + key + ")";
  }

  private String transformKey(long transformId) {
    return RecordStore.byId(inst, CoreRegistries.TRANSFORM, transformId)
        .map(t -> String.valueOf(t.get("key")))
        .orElse("");
  }

  static String branchName(long id) {
    return id == -1 ? "trash" : id == 0 ? "archive" : id == 1 ? "main" : "branch " + id;
  }

  private String handle(long userId) {
    if (userId == inst.userId()) {
      return inst.userHandle();
    }
    return RecordStore.byId(inst, CoreRegistries.USER, userId)
        .map(u -> String.valueOf(u.get("handle")))
        .orElse("?");
  }

  /**
   * @return LaminDB's human-readable size: B, KB, MB, GB, TB in 1024 steps with one decimal
   */
  public static String humanSize(Long bytes) {
    if (bytes == null) {
      return "";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
