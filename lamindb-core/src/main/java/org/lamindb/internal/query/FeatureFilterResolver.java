package org.lamindb.internal.query;

import org.lamindb.internal.core.Instance;
import org.lamindb.spi.RegistryDef;

/**
 * Hook for lookups whose first segment is not a field of Artifact, Run or Record: the features
 * engine (spec §6.7) installs one with {@link FeatureFilters#install} to turn {@code
 * gc_content__gt=0.5} into a condition on the host rows. The default resolver knows no features, so
 * such lookups fail with "no field ... did you mean ...".
 */
public interface FeatureFilterResolver {

  /**
   * @param inst the instance
   * @param host the registry queried (Artifact, Run or Record)
   * @param hostId the {@code id} column of the host rows in the SQL being built
   * @param lookup the lookup string, e.g. {@code gc_content__gt}
   * @param value the value as passed to filter
   * @return a condition on host rows, or null when the first segment of {@code lookup} is not a
   *     feature
   */
  org.jooq.Condition resolve(
      Instance inst, RegistryDef host, org.jooq.Field<Object> hostId, String lookup, Object value);

  /**
   * @param inst the instance
   * @return names of the features a lookup may name, for "did you mean" messages (none by default)
   */
  default java.util.Collection<String> featureNames(Instance inst) {
    return java.util.List.of();
  }
}
