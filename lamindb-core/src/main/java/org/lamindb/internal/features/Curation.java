package org.lamindb.internal.features;

import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.model.Schema;

/**
 * A passed validation of an unsaved artifact's object against a schema, annotated once the artifact
 * is saved (spec §8.4).
 */
public interface Curation {
  /**
   * @return the validating schema
   */
  Schema schema();

  /**
   * Links labels, inferred per-slot schemas and {@code artifact.schema}.
   *
   * @param inst the instance
   * @param a the saved artifact
   */
  void annotate(Instance inst, Artifact a);
}
