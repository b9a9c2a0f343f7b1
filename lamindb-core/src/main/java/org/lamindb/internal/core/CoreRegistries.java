package org.lamindb.internal.core;

import static org.lamindb.spi.FieldType.BOOLEAN;
import static org.lamindb.spi.FieldType.DATE;
import static org.lamindb.spi.FieldType.DATETIME;
import static org.lamindb.spi.FieldType.INTEGER;
import static org.lamindb.spi.FieldType.JSON;
import static org.lamindb.spi.FieldType.STRING;
import static org.lamindb.spi.FieldType.TEXT;

import java.util.List;
import org.lamindb.model.Artifact;
import org.lamindb.model.Branch;
import org.lamindb.model.Collection;
import org.lamindb.model.Feature;
import org.lamindb.model.JsonValue;
import org.lamindb.model.Project;
import org.lamindb.model.Record;
import org.lamindb.model.Reference;
import org.lamindb.model.Run;
import org.lamindb.model.Schema;
import org.lamindb.model.Space;
import org.lamindb.model.Storage;
import org.lamindb.model.Transform;
import org.lamindb.model.ULabel;
import org.lamindb.model.User;
import org.lamindb.spi.RegistryDef;

/** The registries of core LaminDB (spec §1) as the query engine and entities see them. */
public final class CoreRegistries {
  private CoreRegistries() {}

  /** lamindb_user. */
  public static final RegistryDef USER =
      RegistryDef.builder("User", "lamindb_user")
          .uid(8)
          .nameField("handle")
          .field("handle", STRING, false)
          .field("name", STRING)
          .field("created_at", DATETIME, false)
          .field("updated_at", DATETIME, false)
          .reverse("created_artifacts", "Artifact", "created_by_id")
          .reverse("created_transforms", "Transform", "created_by_id")
          .reverse("created_runs", "Run", "created_by_id")
          .entity(User::new)
          .build();

  /** lamindb_space. */
  public static final RegistryDef SPACE =
      RegistryDef.builder("Space", "lamindb_space")
          .uid(12)
          .field("name", STRING, false)
          .field("description", TEXT)
          .field("created_at", DATETIME, false)
          .fk("created_by", "User", true)
          .entity(Space::new)
          .build();

  /** lamindb_branch. */
  public static final RegistryDef BRANCH =
      RegistryDef.builder("Branch", "lamindb_branch")
          .uid(12)
          .field("name", STRING, false)
          .fk("space", "Space", false)
          .field("description", TEXT)
          .field("created_at", DATETIME, false)
          .fk("created_by", "User", true)
          .field("_status_code", INTEGER, false)
          .field("_aux", JSON)
          .entity(Branch::new)
          .build();

  /** lamindb_storage. */
  public static final RegistryDef STORAGE =
      RegistryDef.builder("Storage", "lamindb_storage")
          .uid(12)
          .nameField("root")
          .sqlRecord()
          .tracksRun()
          .tracksUpdates()
          .field("root", STRING, false)
          .field("description", TEXT)
          .field("type", STRING, false)
          .field("region", STRING)
          .field("instance_uid", STRING)
          .reverse("artifacts", "Artifact", "storage_id")
          .entity(Storage::new)
          .build();

  /** lamindb_transform. */
  public static final RegistryDef TRANSFORM =
      RegistryDef.builder("Transform", "lamindb_transform")
          .uid(16)
          .versioned(12)
          .nameField("key")
          .sqlRecord()
          .tracksRun()
          .tracksUpdates()
          .field("key", STRING, false)
          .field("description", TEXT)
          .field("kind", STRING, false)
          .field("source_code", TEXT)
          .field("hash", STRING)
          .field("reference", STRING)
          .field("reference_type", STRING)
          .fk("environment", "Artifact", true)
          .fk("plan", "Artifact", true)
          .reverse("runs", "Run", "transform_id")
          .many("ulabels", "ULabel", "lamindb_transformulabel", "transform_id", "ulabel_id")
          .many("projects", "Project", "lamindb_transformproject", "transform_id", "project_id")
          .many(
              "references",
              "Reference",
              "lamindb_transformreference",
              "transform_id",
              "reference_id")
          .many("records", "Record", "lamindb_transformrecord", "transform_id", "record_id")
          .many(
              "predecessors",
              "Transform",
              "lamindb_transformtransform",
              "successor_id",
              "predecessor_id")
          .many(
              "successors",
              "Transform",
              "lamindb_transformtransform",
              "predecessor_id",
              "successor_id")
          .entity(Transform::new)
          .build();

  /** lamindb_run. */
  public static final RegistryDef RUN =
      RegistryDef.builder("Run", "lamindb_run")
          .uid(16)
          .nameField("started_at")
          .sqlRecord()
          .tracksUpdates()
          .field("name", STRING)
          .field("description", TEXT)
          .fk("transform", "Transform", false)
          .field("entrypoint", STRING)
          .field("started_at", DATETIME, false)
          .field("finished_at", DATETIME)
          .fk("report", "Artifact", true)
          .fk("environment", "Artifact", true)
          .fk("plan", "Artifact", true)
          .field("params", JSON)
          .field("extra_data", JSON)
          .field("reference", STRING)
          .field("reference_type", STRING)
          .field("cli_args", STRING)
          .field("created_at", DATETIME, false)
          .fk("created_by", "User", false)
          .fk("initiated_by_run", "Run", true)
          .field("_is_consecutive", BOOLEAN)
          .field("_status_code", INTEGER, false)
          .many(
              "input_artifacts",
              "Artifact",
              "lamindb_artifact_input_of_runs",
              "run_id",
              "artifact_id")
          .reverse("output_artifacts", "Artifact", "run_id")
          .many(
              "recreated_artifacts",
              "Artifact",
              "lamindb_artifact_recreating_runs",
              "run_id",
              "artifact_id")
          .many(
              "input_collections",
              "Collection",
              "lamindb_collection_input_of_runs",
              "run_id",
              "collection_id")
          .reverse("output_collections", "Collection", "run_id")
          .many("input_records", "Record", "lamindb_record_input_of_runs", "run_id", "record_id")
          .reverse("output_records", "Record", "run_id")
          .reverse("initiated_runs", "Run", "initiated_by_run_id")
          .many("ulabels", "ULabel", "lamindb_runulabel", "run_id", "ulabel_id")
          .many("projects", "Project", "lamindb_runproject", "run_id", "project_id")
          .many("records", "Record", "lamindb_runrecord", "run_id", "record_id")
          .many("json_values", "JsonValue", "lamindb_runjsonvalue", "run_id", "jsonvalue_id")
          .entity(Run::new)
          .build();

  /** lamindb_artifact. */
  public static final RegistryDef ARTIFACT =
      RegistryDef.builder("Artifact", "lamindb_artifact")
          .uid(20)
          .versioned(16)
          .nameField("key")
          .sqlRecord()
          .tracksRun()
          .tracksUpdates()
          .field("key", STRING)
          .field("_real_key", STRING)
          .field("description", TEXT)
          .fk("storage", "Storage", false)
          .field("suffix", STRING, false)
          .field("kind", STRING)
          .field("otype", STRING)
          .field("size", INTEGER)
          .field("hash", STRING)
          .field("n_files", INTEGER)
          .field("n_observations", INTEGER)
          .field("_hash_type", STRING)
          .fk("schema", "Schema", true)
          .field("extra_data", JSON)
          .field("_key_is_virtual", BOOLEAN, false)
          .field("_overwrite_versions", BOOLEAN, false)
          .many("input_of_runs", "Run", "lamindb_artifact_input_of_runs", "artifact_id", "run_id")
          .many(
              "recreating_runs", "Run", "lamindb_artifact_recreating_runs", "artifact_id", "run_id")
          .many("ulabels", "ULabel", "lamindb_artifactulabel", "artifact_id", "ulabel_id")
          .many("records", "Record", "lamindb_artifactrecord", "artifact_id", "record_id")
          .many("projects", "Project", "lamindb_artifactproject", "artifact_id", "project_id")
          .many(
              "references", "Reference", "lamindb_artifactreference", "artifact_id", "reference_id")
          .many("users", "User", "lamindb_artifactuser", "artifact_id", "user_id")
          .many("runs", "Run", "lamindb_artifactrun", "artifact_id", "run_id")
          .many("artifacts", "Artifact", "lamindb_artifactartifact", "artifact_id", "value_id")
          .many(
              "linked_by_artifacts",
              "Artifact",
              "lamindb_artifactartifact",
              "value_id",
              "artifact_id")
          .many(
              "json_values",
              "JsonValue",
              "lamindb_artifactjsonvalue",
              "artifact_id",
              "jsonvalue_id")
          .many("schemas", "Schema", "lamindb_artifactschema", "artifact_id", "schema_id")
          .many(
              "collections",
              "Collection",
              "lamindb_collection_members", // a view: exact members of every version (migration 4)
              "artifact_id",
              "collection_id")
          .entity(Artifact::new)
          .build();

  /** lamindb_collection. */
  public static final RegistryDef COLLECTION =
      RegistryDef.builder("Collection", "lamindb_collection")
          .uid(20)
          .versioned(16)
          .nameField("key")
          .sqlRecord()
          .tracksRun()
          .tracksUpdates()
          .field("key", STRING, false)
          .field("description", TEXT)
          .field("hash", STRING)
          .field("reference", STRING)
          .field("reference_type", STRING)
          .fk("schema", "Schema", true)
          .fk("meta_artifact", "Artifact", true)
          .field("_base_id", INTEGER)
          .many(
              "artifacts", "Artifact", "lamindb_collection_members", "collection_id", "artifact_id")
          .many(
              "input_of_runs", "Run", "lamindb_collection_input_of_runs", "collection_id", "run_id")
          .many(
              "recreating_runs",
              "Run",
              "lamindb_collection_recreating_runs",
              "collection_id",
              "run_id")
          .many("ulabels", "ULabel", "lamindb_collectionulabel", "collection_id", "ulabel_id")
          .many("projects", "Project", "lamindb_collectionproject", "collection_id", "project_id")
          .many(
              "references",
              "Reference",
              "lamindb_collectionreference",
              "collection_id",
              "reference_id")
          .many("records", "Record", "lamindb_collectionrecord", "collection_id", "record_id")
          .entity(Collection::new)
          .build();

  /** lamindb_feature. */
  public static final RegistryDef FEATURE =
      RegistryDef.builder("Feature", "lamindb_feature")
          .uid(12)
          .sqlRecord()
          .hasType()
          .tracksRun()
          .tracksUpdates()
          .field("name", STRING, false)
          .field("_dtype_str", STRING)
          .field("_ounit_str", STRING)
          .field("unit", STRING)
          .field("description", TEXT)
          .field("array_rank", INTEGER, false)
          .field("array_size", INTEGER, false)
          .field("array_shape", JSON)
          .field("synonyms", TEXT)
          .field("default_value", JSON)
          .field("nullable", BOOLEAN)
          .field("coerce", BOOLEAN)
          .reverse("features", "Feature", "type_id")
          .reverse("values", "JsonValue", "feature_id")
          .many("schemas", "Schema", "lamindb_schemafeature", "feature_id", "schema_id")
          .many("projects", "Project", "lamindb_featureproject", "feature_id", "project_id")
          .entity(Feature::new)
          .build();

  /** lamindb_jsonvalue. */
  public static final RegistryDef JSON_VALUE =
      RegistryDef.builder("JsonValue", "lamindb_jsonvalue")
          .nameField("value")
          .sqlRecord()
          .tracksRun()
          .fk("feature", "Feature", true)
          .field("value", JSON, false)
          .field("hash", STRING)
          .many("artifacts", "Artifact", "lamindb_artifactjsonvalue", "jsonvalue_id", "artifact_id")
          .many("runs", "Run", "lamindb_runjsonvalue", "jsonvalue_id", "run_id")
          .entity(JsonValue::new)
          .build();

  /** lamindb_schema. */
  public static final RegistryDef SCHEMA =
      RegistryDef.builder("Schema", "lamindb_schema")
          .uid(16)
          .sqlRecord()
          .hasType()
          .tracksRun()
          .tracksUpdates()
          .field("name", STRING)
          .field("description", TEXT)
          .field("n_members", INTEGER)
          .field("coerce", BOOLEAN)
          .field("flexible", BOOLEAN)
          .field("itype", STRING)
          .field("otype", STRING)
          .field("suffix", STRING)
          .field("_dtype_str", STRING)
          .field("hash", STRING)
          .field("minimal_set", BOOLEAN, false)
          .field("ordered_set", BOOLEAN, false)
          .field("maximal_set", BOOLEAN, false)
          .reverse("schemas", "Schema", "type_id")
          .many("features", "Feature", "lamindb_schemafeature", "schema_id", "feature_id")
          .many("components", "Schema", "lamindb_schemacomponent", "composite_id", "component_id")
          .many("composites", "Schema", "lamindb_schemacomponent", "component_id", "composite_id")
          .many("artifacts", "Artifact", "lamindb_artifactschema", "schema_id", "artifact_id")
          .reverse("validated_artifacts", "Artifact", "schema_id")
          .many("projects", "Project", "lamindb_schemaproject", "schema_id", "project_id")
          .entity(Schema::new)
          .build();

  /** lamindb_ulabel. */
  public static final RegistryDef ULABEL =
      RegistryDef.builder("ULabel", "lamindb_ulabel")
          .uid(8)
          .sqlRecord()
          .hasType()
          .tracksRun()
          .tracksUpdates()
          .field("name", STRING, false)
          .field("description", TEXT)
          .field("reference", STRING)
          .field("reference_type", STRING)
          .reverse("ulabels", "ULabel", "type_id")
          .many("parents", "ULabel", "lamindb_ulabel_parents", "from_ulabel_id", "to_ulabel_id")
          .many("children", "ULabel", "lamindb_ulabel_parents", "to_ulabel_id", "from_ulabel_id")
          .many("artifacts", "Artifact", "lamindb_artifactulabel", "ulabel_id", "artifact_id")
          .many("runs", "Run", "lamindb_runulabel", "ulabel_id", "run_id")
          .many("transforms", "Transform", "lamindb_transformulabel", "ulabel_id", "transform_id")
          .many(
              "collections", "Collection", "lamindb_collectionulabel", "ulabel_id", "collection_id")
          .many("projects", "Project", "lamindb_ulabelproject", "ulabel_id", "project_id")
          .entity(ULabel::new)
          .build();

  /** lamindb_record. */
  public static final RegistryDef RECORD =
      RegistryDef.builder("Record", "lamindb_record")
          .uid(16)
          .sqlRecord()
          .hasType()
          .tracksRun()
          .tracksUpdates()
          .field("name", STRING)
          .field("description", TEXT)
          .field("reference", STRING)
          .field("reference_type", STRING)
          .field("extra_data", JSON)
          .fk("schema", "Schema", true)
          .reverse("records", "Record", "type_id")
          .many("parents", "Record", "lamindb_record_parents", "from_record_id", "to_record_id")
          .many("children", "Record", "lamindb_record_parents", "to_record_id", "from_record_id")
          .many("input_of_runs", "Run", "lamindb_record_input_of_runs", "record_id", "run_id")
          .many("artifacts", "Artifact", "lamindb_artifactrecord", "record_id", "artifact_id")
          .many("runs", "Run", "lamindb_runrecord", "record_id", "run_id")
          .many("transforms", "Transform", "lamindb_transformrecord", "record_id", "transform_id")
          .many(
              "collections", "Collection", "lamindb_collectionrecord", "record_id", "collection_id")
          .many("projects", "Project", "lamindb_projectrecord", "record_id", "project_id")
          .many("references", "Reference", "lamindb_referencerecord", "record_id", "reference_id")
          .many("linked_records", "Record", "lamindb_recordrecord", "record_id", "value_id")
          .many("linked_in_records", "Record", "lamindb_recordrecord", "value_id", "record_id")
          .entity(Record::new)
          .build();

  /** lamindb_project. */
  public static final RegistryDef PROJECT =
      RegistryDef.builder("Project", "lamindb_project")
          .uid(12)
          .sqlRecord()
          .hasType()
          .tracksRun()
          .tracksUpdates()
          .field("name", STRING, false)
          .field("description", TEXT)
          .field("abbr", STRING)
          .field("url", STRING)
          .field("start_date", DATE)
          .field("end_date", DATE)
          .field("_status_code", INTEGER, false)
          .reverse("projects", "Project", "type_id")
          .many("parents", "Project", "lamindb_project_parents", "from_project_id", "to_project_id")
          .many(
              "children", "Project", "lamindb_project_parents", "to_project_id", "from_project_id")
          .many(
              "predecessors",
              "Project",
              "lamindb_project_predecessors",
              "from_project_id",
              "to_project_id")
          .many(
              "successors",
              "Project",
              "lamindb_project_predecessors",
              "to_project_id",
              "from_project_id")
          .many("artifacts", "Artifact", "lamindb_artifactproject", "project_id", "artifact_id")
          .many("transforms", "Transform", "lamindb_transformproject", "project_id", "transform_id")
          .many("runs", "Run", "lamindb_runproject", "project_id", "run_id")
          .many("ulabels", "ULabel", "lamindb_ulabelproject", "project_id", "ulabel_id")
          .many("features", "Feature", "lamindb_featureproject", "project_id", "feature_id")
          .many("schemas", "Schema", "lamindb_schemaproject", "project_id", "schema_id")
          .many(
              "collections",
              "Collection",
              "lamindb_collectionproject",
              "project_id",
              "collection_id")
          .many("records", "Record", "lamindb_projectrecord", "project_id", "record_id")
          .many(
              "references", "Reference", "lamindb_project_references", "project_id", "reference_id")
          .entity(Project::new)
          .build();

  /** lamindb_reference. */
  public static final RegistryDef REFERENCE =
      RegistryDef.builder("Reference", "lamindb_reference")
          .uid(12)
          .sqlRecord()
          .hasType()
          .tracksRun()
          .tracksUpdates()
          .field("name", STRING, false)
          .field("description", TEXT)
          .field("abbr", STRING)
          .field("url", STRING)
          .field("pubmed_id", INTEGER)
          .field("doi", STRING)
          .field("text", TEXT)
          .field("date", DATE)
          .reverse("references", "Reference", "type_id")
          .many("artifacts", "Artifact", "lamindb_artifactreference", "reference_id", "artifact_id")
          .many(
              "transforms",
              "Transform",
              "lamindb_transformreference",
              "reference_id",
              "transform_id")
          .many(
              "collections",
              "Collection",
              "lamindb_collectionreference",
              "reference_id",
              "collection_id")
          .many("records", "Record", "lamindb_referencerecord", "reference_id", "record_id")
          .many("projects", "Project", "lamindb_project_references", "reference_id", "project_id")
          .entity(Reference::new)
          .build();

  /**
   * @return all core registries
   */
  public static List<RegistryDef> all() {
    return List.of(
        USER,
        SPACE,
        BRANCH,
        STORAGE,
        TRANSFORM,
        RUN,
        ARTIFACT,
        COLLECTION,
        FEATURE,
        JSON_VALUE,
        SCHEMA,
        ULABEL,
        RECORD,
        PROJECT,
        REFERENCE);
  }
}
