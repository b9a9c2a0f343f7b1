package org.lamindb.bionty.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.Synonym;

/**
 * Streaming (StAX) reader for OWL ontologies in RDF/XML as the OBO Foundry publishes them (ROBOT /
 * OWL API output): each top-level {@code owl:Class} with an {@code rdf:about} IRI becomes a term
 * with its {@code rdfs:label}, definition ({@code obo:IAO_0000115}), oboInOwl synonyms with their
 * scopes, named {@code rdfs:subClassOf} parents, {@code part_of} ({@code BFO_0000050}) restrictions
 * when asked for, and {@code owl:deprecated}. Other RDF/XML shapes (e.g. classes as {@code
 * rdf:Description} with {@code rdf:type}) are not read. Malformed XML fails with a {@link
 * org.lamindb.ValidationException} naming file and line.
 */
public final class OwlXmlParser {
  private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  private static final String OWL = "http://www.w3.org/2002/07/owl#";
  private static final String OBO = "http://purl.obolibrary.org/obo/";
  private static final String OBO_IN_OWL = "http://www.geneontology.org/formats/oboInOwl#";
  private static final String PART_OF = OBO + "BFO_0000050";

  private final boolean partOf;

  /**
   * @param partOfAsParent whether {@code part_of} restrictions count as parents (Tissue,
   *     DevelopmentalStage)
   */
  public OwlXmlParser(boolean partOfAsParent) {
    this.partOf = partOfAsParent;
  }

  /**
   * The header facts of an OWL file and how many terms it had.
   *
   * @param versionIri the {@code owl:versionIRI} of the ontology, or null
   * @param terms number of terms handed over
   */
  public record Header(String versionIri, long terms) {}

  /** Parses {@code file} (plain or {@code .gz}) and hands every labelled class to {@code sink}. */
  public Header parse(Path file, Consumer<OntologyTerm> sink) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader r = null;
    try (InputStream in = SourceFiles.open(file)) {
      r = f.createXMLStreamReader(in);
      return read(r, sink);
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw SourceFiles.error(
          file,
          line,
          "invalid RDF/XML: " + lastLine(e.getMessage()),
          "the file may be truncated or not an OWL RDF/XML file");
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }

  private Header read(XMLStreamReader r, Consumer<OntologyTerm> sink) throws XMLStreamException {
    String versionIri = null;
    long n = 0;
    int depth = 0;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 2 && is(r, OWL, "Class")) {
          String about = r.getAttributeValue(RDF, "about");
          TermState t = readClass(r);
          depth--; // readClass consumed the end tag
          String name = t.name != null ? t.name : t.otherLanguageName;
          if (about != null && name != null) {
            sink.accept(
                new OntologyTerm(
                    OntologyIds.normalize(about),
                    name,
                    t.definition,
                    t.synonyms,
                    new ArrayList<>(t.parents),
                    t.deprecated));
            n++;
          }
        } else if (depth == 3 && is(r, OWL, "versionIRI")) {
          versionIri = r.getAttributeValue(RDF, "resource");
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return new Header(versionIri, n);
  }

  /** Mutable facts of one class while reading it. */
  private static final class TermState {
    String name;
    String otherLanguageName;
    String definition;
    boolean deprecated;
    final List<Synonym> synonyms = new ArrayList<>();
    final Set<String> parents = new LinkedHashSet<>();
  }

  /** Reads the children of an owl:Class start tag up to and including its end tag. */
  private TermState readClass(XMLStreamReader r) throws XMLStreamException {
    TermState t = new TermState();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return t; // end of owl:Class
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String ns = r.getNamespaceURI();
      String local = r.getLocalName();
      if (RDFS.equals(ns) && local.equals("label")) {
        String lang = r.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
        String text = r.getElementText().strip();
        if (t.name == null && (lang == null || lang.startsWith("en"))) {
          t.name = text;
        } else if (t.otherLanguageName == null) {
          t.otherLanguageName = text;
        }
      } else if (OBO.equals(ns) && local.equals("IAO_0000115")) {
        String text = r.getElementText().strip();
        t.definition = t.definition == null ? text : t.definition;
      } else if (OWL.equals(ns) && local.equals("deprecated")) {
        t.deprecated = r.getElementText().strip().equalsIgnoreCase("true");
      } else if (OBO_IN_OWL.equals(ns) && local.startsWith("has") && local.endsWith("Synonym")) {
        Synonym.Scope scope = Synonym.Scope.parse(local.substring(3, local.length() - 7));
        String text = r.getElementText().strip();
        if (scope != null && !text.isEmpty()) {
          t.synonyms.add(new Synonym(text, scope));
        }
      } else if (RDFS.equals(ns) && local.equals("subClassOf")) {
        String res = r.getAttributeValue(RDF, "resource");
        if (res != null) {
          t.parents.add(OntologyIds.normalize(res));
          skip(r);
        } else {
          readRestriction(r, t);
        }
      } else {
        skip(r);
      }
    }
    return t;
  }

  /** Reads {@code <rdfs:subClassOf><owl:Restriction>...}; keeps part_of targets when asked to. */
  private void readRestriction(XMLStreamReader r, TermState t) throws XMLStreamException {
    String property = null;
    String target = null;
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 3 && is(r, OWL, "onProperty")) {
          property = r.getAttributeValue(RDF, "resource");
        } else if (depth == 3 && is(r, OWL, "someValuesFrom")) {
          target = r.getAttributeValue(RDF, "resource");
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (partOf && PART_OF.equals(property) && target != null) {
      t.parents.add(OntologyIds.normalize(target));
    }
  }

  /** Skips the current element including its children. */
  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static boolean is(XMLStreamReader r, String ns, String local) {
    return ns.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
  }

  private static String lastLine(String s) {
    return s == null
        ? ""
        : s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse(s);
  }
}
