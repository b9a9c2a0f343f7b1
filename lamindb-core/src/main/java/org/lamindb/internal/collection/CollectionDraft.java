package org.lamindb.internal.collection;

import java.util.List;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;

/**
 * What an unsaved collection carries besides its columns: its members in order and the version it
 * revises. Held by {@link Collection}; read by {@link CollectionStore} on save.
 */
public final class CollectionDraft {
  /** Members in insertion order, or null when the collection was not built from artifacts. */
  public List<Artifact> members;

  /** The version this one revises (from {@code append}/{@code revise}), or null to infer by key. */
  public Collection revises;

  /** The schema every member must carry, or null (inherits the revised version's schema). */
  public Long schemaId;
}
