import java.util.List;
import org.lamindb.LaminDB;
import org.lamindb.curate.InspectResult;
import org.lamindb.model.Dtype;
import org.lamindb.model.Record;
import org.lamindb.model.ULabel;

/**
 * Validating values against core registries (LaminDB's {@code validate}, {@code inspect}, {@code standardize} and
 * {@code from_values}): labels, records of one type, and features with synonyms. Run with
 * {@code java -cp lamindb-cli/target/lamin.jar examples/Validate.java} on an instance (see examples/validate.sh).
 */
public class Validate {
  public static void main(String[] args) {
    try (LaminDB ln = LaminDB.connect()) {
      ULabel perturbation = ln.ulabel("Perturbation").isType(true).save();
      ln.ulabel("DMSO").type(perturbation).save();
      ln.ulabel("IFNG").type(perturbation).save();
      ln.ulabel("HEK293").save();
      Record sample = ln.record("Sample").isType(true).save();
      ln.record("P53mutant1").type(sample).save();
      ln.feature("gc_content", Dtype.FLOAT).synonyms(List.of("gc", "GC fraction")).save();

      // validate: exact and case-sensitive, one boolean per value
      boolean[] ok = ln.ulabels().validate(List.of("DMSO", "dmso", "HEK293"));
      System.out.println("labels validated: " + ok[0] + ", " + ok[1] + ", " + ok[2]);

      // a filtered query set narrows the vocabulary: only Perturbation labels count
      boolean[] typed = ln.ulabels().filter("type", perturbation).validate(List.of("DMSO", "HEK293"));
      System.out.println("perturbations validated: " + typed[0] + ", " + typed[1]);

      // inspect: validated / non-validated unique values, hints from casing and synonyms, LaminDB's report
      InspectResult r = ln.features().inspect(List.of("gc_content", "GC_content", "gc", "unknown"));
      System.out.println("validated " + r.validated() + ", not validated " + r.nonValidated());
      System.out.println("suggestions " + r.synonymsMapper());
      r.messages().forEach(System.out::println);

      // standardize: synonyms and other casing to names; unmatched values stay as they are
      System.out.println("standardized " + ln.features().standardize(List.of("GC fraction", "gc", "reads")));

      // fromValues: the existing records for values (nothing is created)
      System.out.println("records " + ln.records().filter("type", sample).fromValues(List.of("p53mutant1"))
          .stream().map(Record::name).toList());
    }
  }
}
