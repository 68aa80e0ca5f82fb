package dev.policyproof.engine.report;

import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.check.SuiteResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a run as one {@code <testsuite>} in the XML format of Maven Surefire, which CI servers read as test results.
 * Each expectation is a {@code <testcase>} named {@code "<check>: <expectation>"} with class name
 * {@code policyproof.<checks file base name>}; a violation is a {@code <failure>} of type {@value #FAILURE_TYPE}
 * whose message attribute is the first line of the failure message and whose text is the whole message. A suppressed
 * violation is {@code <skipped message="suppressed: <reason>">} with the failure message as its text.
 */
public final class SurefireXmlReport {

    /** The report's file name; the {@code TEST-} prefix is what Surefire report readers look for. */
    public static final String FILE_NAME = "TEST-policyproof.xml";

    public static final String FAILURE_TYPE = "policyproof.violation";

    private SurefireXmlReport() {}

    /**
     * Writes {@code result} to {@code file}, replacing it.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(SuiteResult result, Path file) {
        Document document = toDocument(result);
        try (OutputStream out = Files.newOutputStream(file)) {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML serializer failed", e);
        }
    }

    static Document toDocument(SuiteResult result) {
        Document document = newDocument();
        String className = "policyproof." + result.suiteName();
        Element suite = document.createElement("testsuite");
        suite.setAttribute("name", className);
        suite.setAttribute("tests", String.valueOf(result.outcomes().size()));
        suite.setAttribute("failures", String.valueOf(result.failedCount()));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", String.valueOf(result.suppressedCount()));
        suite.setAttribute("time", seconds(result.elapsed()));
        document.appendChild(suite);

        List<String> names = TestNames.of(result.outcomes());
        for (int i = 0; i < names.size(); i++) {
            suite.appendChild(testCase(document, className, names.get(i), result.outcomes().get(i)));
        }
        return document;
    }

    private static Element testCase(Document document, String className, String name, CheckOutcome outcome) {
        Element testCase = document.createElement("testcase");
        testCase.setAttribute("name", xmlSafe(name));
        testCase.setAttribute("classname", className);
        testCase.setAttribute("time", seconds(outcome.elapsed()));
        if (outcome.suppressed()) {
            Element skipped = document.createElement("skipped");
            skipped.setAttribute("message", xmlSafe("suppressed: " + outcome.suppression().orElseThrow().reason()));
            skipped.setTextContent(xmlSafe(outcome.result().failure().orElse("")));
            testCase.appendChild(skipped);
            return testCase;
        }
        outcome.result().failure().ifPresent(message -> {
            Element failure = document.createElement("failure");
            failure.setAttribute("message", xmlSafe(message.lines().findFirst().orElse("")));
            failure.setAttribute("type", FAILURE_TYPE);
            failure.setTextContent(xmlSafe(message));
            testCase.appendChild(failure);
        });
        return testCase;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML document builder is unavailable", e);
        }
    }

    /** Formats a duration in seconds with three decimals and a dot, as Surefire does in every locale. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    /**
     * Replaces characters that XML 1.0 cannot carry, even escaped, with U+FFFD, so a policy value with a control
     * character cannot make the report unreadable.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(isXmlChar(c) ? c : 0xFFFD));
        return safe.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
