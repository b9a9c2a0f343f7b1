package org.lamindb.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.features.FeatureCatalog;
import org.lamindb.internal.features.FeatureReader;
import org.lamindb.internal.features.FeatureWriter;
import org.lamindb.internal.features.Sheets;

/**
 * The feature values of one artifact, run or record ({@code artifact.features()}), as LaminDB's
 * {@code artifact.features} (spec §6.4).
 *
 * <pre>{@code
 * ln.feature("gc_content", Dtype.FLOAT).save();
 * ln.feature("experiment_date", Dtype.DATE).coerce(true).save();
 * artifact.features().addValues(Map.of("gc_content", 0.55, "experiment_date", "2025-10-24"));
 * Map<String, Object> values = artifact.features().get();   // {experiment_date=2025-10-24, gc_content=0.55}
 * }</pre>
 */
public final class FeatureManager {
  private final SQLRecord<?> host;

  FeatureManager(SQLRecord<?> host) {
    this.host = host;
  }

  private Instance inst() {
    return Access.instance(host.ln());
  }

  private long hostId() {
    if (!host.isSaved()) {
      throw new InvalidArgumentException(
          host.registry().name()
              + " is not saved yet; save() it before annotating it with features");
    }
    return host.id();
  }

  /**
   * Validates and adds values: keys are feature names (or saved {@link Feature}s); values are
   * numbers, booleans, strings, dates ({@link java.time.LocalDate}, or ISO strings when the feature
   * has {@code coerce}), maps, lists, and for categorical features label names or saved
   * labels/records (a collection adds several).
   *
   * @param values feature name → value
   * @return this manager
   * @throws ValidationException listing every unknown key, wrongly typed value and unknown label at
   *     once; nothing is written then
   */
  public FeatureManager addValues(Map<?, ?> values) {
    inst().checkWritable("annotate " + host.registry().name());
    long id = hostId();
    Sheets.checkSheetMembers(inst(), host, values.keySet());
    new FeatureWriter(inst(), host.registry()).add(Map.of(id, values), false);
    return this;
  }

  /**
   * Adds values given as text (command lines, CSV cells): each string is parsed by its feature's
   * dtype (numbers, {@code true}/{@code false}, ISO dates and date-times, JSON for dicts); several
   * strings for one feature add several values. Validation is the same as {@link #addValues(Map)}.
   *
   * @param values feature name → texts
   * @return this manager
   */
  public FeatureManager addValuesFromText(
      Map<String, ? extends java.util.Collection<String>> values) {
    Map<String, Feature> known = FeatureCatalog.byName(inst(), values.keySet());
    Map<Object, Object> typed = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, ? extends java.util.Collection<String>> e : values.entrySet()) {
      Feature f = known.get(e.getKey());
      List<Object> parsed = new java.util.ArrayList<>();
      for (String t : e.getValue()) {
        parsed.add(
            f == null
                ? t
                : org.lamindb.internal.features.ValueConverter.fromText(
                    FeatureCatalog.dtype(f), t));
      }
      boolean list = f != null && FeatureCatalog.dtype(f).list();
      typed.put(e.getKey(), parsed.size() == 1 && !list ? parsed.get(0) : parsed);
    }
    return addValues(typed);
  }

  /**
   * Replaces the values of the given features: existing values of those features are removed, then
   * {@code values} are added, in one transaction.
   *
   * @param values feature name → value
   * @return this manager
   */
  public FeatureManager setValues(Map<?, ?> values) {
    inst().checkWritable("annotate " + host.registry().name());
    long id = hostId();
    Sheets.checkSheetMembers(inst(), host, values.keySet());
    new FeatureWriter(inst(), host.registry()).add(Map.of(id, values), true);
    return this;
  }

  /**
   * @return feature name → value, sorted by name: numbers, booleans, strings, {@link
   *     java.time.LocalDate}s, date-times, maps, lists; categorical values as label names; several
   *     values of one feature as a set
   */
  public Map<String, Object> get() {
    FeatureReader r = new FeatureReader(inst(), host.registry());
    Map<String, Object> out = r.aggregate(r.read(List.of(hostId()), null));
    Sheets.injectIndex(inst(), host, out);
    return out;
  }

  /**
   * @param feature a feature name
   * @return its value (as in {@link #get()}), or null when the host has none
   */
  public Object get(String feature) {
    Feature f = feature(feature);
    FeatureReader r = new FeatureReader(inst(), host.registry());
    return r.aggregate(r.read(List.of(hostId()), Set.of(f.id()))).get(feature);
  }

  /**
   * @param feature a categorical feature name
   * @return the labels or records linked under it (LaminDB's {@code artifact.features["name"]})
   */
  public List<SQLRecord<?>> labels(String feature) {
    return new FeatureReader(inst(), host.registry()).labels(hostId(), feature(feature));
  }

  /**
   * Removes all values of a feature.
   *
   * @param feature a feature name
   * @return the number of values removed
   */
  public int remove(String feature) {
    return new FeatureWriter(inst(), host.registry()).remove(hostId(), feature(feature), null);
  }

  /**
   * Removes one value of a feature.
   *
   * @param feature a feature name
   * @param value the value, label name or label to remove
   * @return the number of values removed
   */
  public int remove(String feature, Object value) {
    Feature f = feature(feature);
    return new FeatureWriter(inst(), host.registry())
        .remove(hostId(), f, value == null ? List.of() : value);
  }

  private Feature feature(String name) {
    Feature f = FeatureCatalog.byName(inst(), List.of(name)).get(name);
    if (f == null) {
      throw new ValidationException("These keys could not be validated: ['" + name + "']");
    }
    return f;
  }

  @Override
  public String toString() {
    return "FeatureManager(" + host.registry().name() + " " + host.uid() + ")";
  }
}
