package org.lamindb.lineage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code ln.track(...)} identifies the transform and what the run records. Without options,
 * {@code track()} detects the running program itself; these override or add to that.
 *
 * <pre>{@code
 * ln.track(TrackOptions.ofKey("qc-step").params(Map.of("min_reads", 1000)).project("My project"));
 * ln.track(TrackOptions.ofUid("Xb3kLm9Qr2Tz"));           // pin the transform family (12 chars) or version (16)
 * ln.track(TrackOptions.ofParams(Params.fromArgs(args))); // store the program's parsed arguments
 * }</pre>
 */
public final class TrackOptions {
  private String key;
  private String uid;
  private String kind;
  private String description;
  private String version;
  private String project;
  private Path path;
  private String sourceCode;
  private String initiatedByRun;
  private String entrypoint;
  private Boolean captureOutput;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, Object> features = new LinkedHashMap<>();

  private TrackOptions() {}

  /**
   * @return options that let {@code track()} detect everything
   */
  public static TrackOptions detect() {
    return new TrackOptions();
  }

  /**
   * @return options with an explicit transform key, e.g. {@code step.sh} or {@code my-pipeline/qc}
   */
  public static TrackOptions ofKey(String key) {
    return new TrackOptions().key(key);
  }

  /**
   * @return options pinning the transform: a 12-character stem (latest version) or a 16-character
   *     uid
   */
  public static TrackOptions ofUid(String uid) {
    return new TrackOptions().uid(uid);
  }

  /**
   * @return options with run parameters (stored in {@code run.params}, secrets redacted)
   */
  public static TrackOptions ofParams(Map<String, ?> params) {
    return new TrackOptions().params(params);
  }

  /** Sets the transform key. */
  public TrackOptions key(String value) {
    this.key = value;
    return this;
  }

  /** Sets the transform uid (12-character stem or 16-character full uid). */
  public TrackOptions uid(String value) {
    this.uid = value;
    return this;
  }

  /**
   * Sets the transform kind: {@code script}, {@code pipeline}, {@code notebook} or {@code
   * function}.
   */
  public TrackOptions kind(String value) {
    this.kind = value;
    return this;
  }

  /** Sets the transform description. */
  public TrackOptions description(String value) {
    this.description = value;
    return this;
  }

  /**
   * Sets a version tag for the transform (e.g. {@code "1.2"}); it must not be taken by another
   * version.
   */
  public TrackOptions version(String value) {
    this.version = value;
    return this;
  }

  /** Links the transform and run to a project, by name or uid (it must exist). */
  public TrackOptions project(String nameOrUid) {
    this.project = nameOrUid;
    return this;
  }

  /**
   * Names the source file explicitly (when detection cannot find it, e.g. in an embedded script
   * engine).
   */
  public TrackOptions path(Path value) {
    this.path = value;
    return this;
  }

  /** Gives the source text explicitly (kind {@code function} unless set; needs a key). */
  public TrackOptions sourceCode(String value) {
    this.sourceCode = value;
    return this;
  }

  /**
   * Sets the run that started this one (by uid); defaults to {@code LAMIN_INITIATED_BY_RUN_UID} or
   * a shell run.
   */
  public TrackOptions initiatedByRun(String runUid) {
    this.initiatedByRun = runUid;
    return this;
  }

  /** Sets the run's entry point (function or step name). */
  public TrackOptions entrypoint(String value) {
    this.entrypoint = value;
    return this;
  }

  /** Adds run parameters (merged with earlier ones). */
  public TrackOptions params(Map<String, ?> values) {
    if (values != null) {
      params.putAll(values);
    }
    return this;
  }

  /** Adds one run parameter. */
  public TrackOptions param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  /**
   * Adds feature values for the run, written with {@code run.features().addValues(...)}: the
   * features must be registered ({@code ln.feature("gc_content", Dtype.FLOAT).save()}), else {@code
   * track} fails with a validation error naming them.
   */
  public TrackOptions features(Map<String, ?> values) {
    if (values != null) {
      features.putAll(values);
    }
    return this;
  }

  /** Whether stdout/stderr are captured into the run's report (default: yes for programs). */
  public TrackOptions captureOutput(boolean value) {
    this.captureOutput = value;
    return this;
  }

  /**
   * @return the key, or null
   */
  public String key() {
    return key;
  }

  /**
   * @return the uid, or null
   */
  public String uid() {
    return uid;
  }

  /**
   * @return the kind, or null
   */
  public String kind() {
    return kind;
  }

  /**
   * @return the description, or null
   */
  public String description() {
    return description;
  }

  /**
   * @return the version tag, or null
   */
  public String version() {
    return version;
  }

  /**
   * @return the project name or uid, or null
   */
  public String project() {
    return project;
  }

  /**
   * @return the source path, or null
   */
  public Path path() {
    return path;
  }

  /**
   * @return the source text, or null
   */
  public String sourceCode() {
    return sourceCode;
  }

  /**
   * @return the initiating run's uid, or null
   */
  public String initiatedByRun() {
    return initiatedByRun;
  }

  /**
   * @return the entry point, or null
   */
  public String entrypoint() {
    return entrypoint;
  }

  /**
   * @return whether output is captured, or null for the default
   */
  public Boolean captureOutput() {
    return captureOutput;
  }

  /**
   * @return the run parameters (mutable map owned by these options)
   */
  public Map<String, Object> params() {
    return params;
  }

  /**
   * @return the feature values
   */
  public Map<String, Object> features() {
    return features;
  }
}
