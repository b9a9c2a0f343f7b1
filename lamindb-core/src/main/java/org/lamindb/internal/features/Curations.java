package org.lamindb.internal.features;

import java.util.List;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Schema;

/** Validation of an artifact's dataset on {@code artifact.schema(..)} through the engine. */
public final class Curations {
  private Curations() {}

  /**
   * @param inst the instance
   * @param dataset a Table, an in-memory format object or a path
   * @param schema a saved schema
   * @return what to annotate once the artifact is saved
   * @throws ValidationException listing every problem
   */
  public static Curation validate(Instance inst, Object dataset, Schema schema) {
    CurationEngine.Outcome o = CurationEngine.run(inst, CurationEngine.data(dataset), schema);
    List<String> problems = o.report().problems();
    if (!problems.isEmpty()) {
      throw new ValidationException(String.join("\n", problems), problems);
    }
    return o.curation();
  }
}
