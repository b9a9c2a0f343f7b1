package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.Describer;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * The artifact parts of describe(): {@code storage/path} and the {@code Labels} section (spec
 * §10.2).
 */
public final class ArtifactSections implements Describer.DescribeSection {
  private static final List<String> LABEL_RELATIONS =
      List.of("ulabels", "records", "projects", "references", "users");
  private final Instance inst;

  /**
   * @param inst the instance
   */
  public ArtifactSections(Instance inst) {
    this.inst = inst;
  }

  @Override
  public List<Describer.Section> sections(SQLRecord<?> rec) {
    List<Describer.Section> out = new ArrayList<>();
    if (rec instanceof Artifact a && a.isSaved()) {
      out.add(new Describer.Section("storage/path: " + ArtifactFiles.of(inst).path(a), List.of()));
      datasetSummary(a).ifPresent(out::add);
    }
    if (rec.isSaved()) {
      List<String> rows = labelRows(rec);
      if (!rows.isEmpty()) {
        out.add(new Describer.Section("Labels", rows));
      }
    }
    return out;
  }

  /**
   * @return what the artifact's format reads from the file's metadata (shape, columns, layers), for
   *     artifacts with an otype whose content is on local disk (remote content is not downloaded
   *     for describe)
   */
  private java.util.Optional<Describer.Section> datasetSummary(Artifact a) {
    if (a.otype() == null) {
      return java.util.Optional.empty();
    }
    var b = ArtifactFiles.of(inst).backend(a);
    var local =
        b.localPath(ArtifactFiles.of(inst).storageKey(org.lamindb.internal.core.Access.values(a)));
    if (local.isEmpty() || !java.nio.file.Files.exists(local.get())) {
      return java.util.Optional.empty();
    }
    try {
      return Formats.inspect(local.get(), a.suffix())
          .filter(i -> i.summary() != null && !i.summary().isEmpty())
          .map(i -> new Describer.Section(a.otype(), i.summary()));
    } catch (RuntimeException e) {
      return java.util.Optional.of(
          new Describer.Section(a.otype(), List.of("cannot read: " + e.getMessage())));
    }
  }

  /**
   * @return one row per non-empty label relation: accessor, registry, names (at most 10)
   */
  List<String> labelRows(SQLRecord<?> rec) {
    List<String> rows = new ArrayList<>();
    RegistryDef r = rec.registry();
    for (RelationDef rel : r.relations().values()) {
      if (rel.kind() != RelationDef.Kind.MANY) {
        continue;
      }
      boolean label = LABEL_RELATIONS.contains(rel.name()) || rel.target().startsWith("bionty.");
      if (!label) {
        continue;
      }
      RegistryDef target = inst.registries().get(rel.target());
      if (target == null) {
        continue;
      }
      String nameField = target.nameField();
      var select =
          inst.db()
              .dsl()
              .selectDistinct(col("t", nameField))
              .from(DSL.table(DSL.name(target.table())).as("t"))
              .join(DSL.table(DSL.name(rel.linkTable())).as("l"))
              .on(col("l", rel.linkTarget()).eq(col("t", "id")))
              .where(col("l", rel.linkSource()).eq(rec.id()));
      if (target.isBranched()) {
        select = select.and(col("t", "branch_id").in(0L, 1L, inst.branchId()));
      }
      List<String> names = new ArrayList<>();
      for (Record row : select.orderBy(col("t", nameField)).limit(11).fetch()) {
        names.add(String.valueOf(row.get(0)));
      }
      if (names.isEmpty()) {
        continue;
      }
      String joined =
          String.join(", ", names.subList(0, Math.min(10, names.size())))
              + (names.size() > 10 ? ", ..." : "");
      rows.add(String.format("%-20s%-25s%s", "." + rel.name(), target.name(), joined));
    }
    return rows;
  }
}
