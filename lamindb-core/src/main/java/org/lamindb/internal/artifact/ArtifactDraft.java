package org.lamindb.internal.artifact;

import java.nio.file.Path;
import org.lamindb.model.Artifact;

/**
 * What an unsaved artifact carries besides its columns: the file, folder or in-memory object to
 * store, and the version it revises. Held by {@link Artifact}; read by {@link ArtifactStore} on
 * save.
 */
public final class ArtifactDraft {
  /** Local file or folder to register. */
  public Path path;

  /** In-memory object (a Table, an AnnData, ...) to serialize on save. */
  public Object data;

  /** The artifact this one is a new version of (explicit {@code revises}). */
  public Artifact revises;

  /**
   * null: LaminDB's default (skip only for files already in a storage); true: never dedupe; false:
   * always.
   */
  public Boolean skipHashLookup;

  /** A passed schema validation, annotated on save (spec §8.4). */
  public org.lamindb.internal.features.Curation curation;

  /** Feature values passed with {@code artifact.features(Map)}, annotated on save. */
  public java.util.Map<String, Object> features;

  /** The object {@link #curation} validated, to re-validate if {@link #data} was replaced. */
  public Object curatedData;

  /**
   * Set when the last save inserted a new artifact row (not when it returned an existing artifact
   * with the same content): only such a row may be undone when annotating it fails.
   */
  public boolean insertedRow;

  /** The loaded in-memory object, so {@code load()} returns it without I/O. */
  public Object memory;

  /**
   * @return true when there is content to store
   */
  public boolean hasContent() {
    return path != null || data != null;
  }
}
