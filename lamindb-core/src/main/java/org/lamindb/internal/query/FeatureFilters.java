package org.lamindb.internal.query;

import java.util.Set;

/** Holds the installed {@link FeatureFilterResolver}; the default resolves nothing. */
public final class FeatureFilters {
  /** Registries whose unknown lookups may name features (spec §6.7). */
  public static final Set<String> HOSTS = Set.of("Artifact", "Run", "Record");

  private static volatile FeatureFilterResolver resolver =
      new FeatureFilterResolver() {
        @Override
        public org.jooq.Condition resolve(
            org.lamindb.internal.core.Instance inst,
            org.lamindb.spi.RegistryDef host,
            org.jooq.Field<Object> hostId,
            String lookup,
            Object value) {
          return null;
        }
      };

  private FeatureFilters() {}

  /** Installs the resolver used for unknown lookups on {@link #HOSTS}. */
  public static void install(FeatureFilterResolver r) {
    resolver = java.util.Objects.requireNonNull(r, "resolver");
  }

  /**
   * @return the installed resolver
   */
  public static FeatureFilterResolver resolver() {
    return resolver;
  }
}
