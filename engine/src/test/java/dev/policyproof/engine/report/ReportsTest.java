package dev.policyproof.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyproof.engine.check.CheckOutcome;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.ExpectationSettings;
import dev.policyproof.engine.check.Suppression;
import dev.policyproof.engine.check.SuiteResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportsTest {

    private static final String FAILURE = "[engineer gets no shell]\nexpected:     only tunnels\nbut found:    a shell";

    @TempDir
    Path directory;

    private static SuiteResult result() {
        return new SuiteResult("src/test/policyproof/checks.yaml", "checks", 2, 1, 1, List.of(
                outcome("engineer gets no shell", new CheckResult("allows ssm:StartSession on some target", true, 3,
                        null)),
                outcome("engineer gets no shell", new CheckResult("allows ssm:StartSession only with X", false, 10,
                        FAILURE)),
                outcome("denies \u0001control", new CheckResult("denies ssm:SendCommand on *", true, 1, null)),
                outcome("denies \u0001control", new CheckResult("denies ssm:SendCommand on *", true, 1, null))));
    }

    private static CheckOutcome outcome(String check, CheckResult result) {
        return new CheckOutcome(check, "engineer", result, Duration.ofMillis(12));
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void xml_report_has_surefire_counts() throws Exception {
        Reports.Written written = Reports.writeAll(result(), directory.resolve("policyproof"));

        Element suite = parse(written.xml()).getDocumentElement();
        assertThat(written.xml().getFileName()).hasToString("TEST-policyproof.xml");
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("policyproof.checks");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("0.048");
    }

    @Test
    void xml_report_names_test_cases_uniquely() throws Exception {
        Reports.Written written = Reports.writeAll(result(), directory);

        NodeList cases = parse(written.xml()).getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("name"))
                .isEqualTo("engineer gets no shell: allows ssm:StartSession on some target");
        assertThat(first.getAttribute("classname")).isEqualTo("policyproof.checks");
        assertThat(first.getAttribute("time")).isEqualTo("0.012");
        assertThat(((Element) cases.item(2)).getAttribute("name"))
                .isEqualTo("denies \uFFFDcontrol: denies ssm:SendCommand on *");
        assertThat(((Element) cases.item(3)).getAttribute("name"))
                .isEqualTo("denies \uFFFDcontrol: denies ssm:SendCommand on * (2)");
    }

    @Test
    void xml_failure_carries_first_line_and_full_message() throws Exception {
        Reports.Written written = Reports.writeAll(result(), directory);

        NodeList failures = parse(written.xml()).getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("[engineer gets no shell]");
        assertThat(failure.getAttribute("type")).isEqualTo("policyproof.violation");
        assertThat(failure.getTextContent()).isEqualTo(FAILURE);
        assertThat(((Element) failure.getParentNode()).getAttribute("name"))
                .isEqualTo("engineer gets no shell: allows ssm:StartSession only with X");
    }

    @Test
    void xml_report_skips_suppressed_violation() throws Exception {
        Suppression suppression = new Suppression("accepted until June", null,
                new SourceLocation("checks.yaml", 12, 7, "suppressions[0]"));
        CheckOutcome suppressed = new CheckOutcome("engineer gets no shell", "engineer",
                new CheckResult("allows ssm:StartSession only with X", false, 10, FAILURE), Duration.ofMillis(12),
                ExpectationSettings.DEFAULT.withSuppression(suppression));
        SuiteResult result = new SuiteResult("checks.yaml", "checks", 1, 1, 1, List.of(suppressed));

        Reports.Written written = Reports.writeAll(result, directory);

        Element suite = parse(written.xml()).getDocumentElement();
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element skipped = (Element) suite.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("suppressed: accepted until June");
        assertThat(skipped.getTextContent()).isEqualTo(FAILURE);
        assertThat(written.sarif().getFileName()).hasToString("policyproof.sarif");
    }

    @Test
    void json_report_has_full_results() throws Exception {
        Reports.Written written = Reports.writeAll(result(), directory);

        JsonNode json = new ObjectMapper().readTree(written.json().toFile());
        assertThat(written.json().getFileName()).hasToString("policyproof-results.json");
        assertThat(json.path("checksFile").asText()).isEqualTo("src/test/policyproof/checks.yaml");
        assertThat(json.path("summary").path("expectations").asInt()).isEqualTo(4);
        assertThat(json.path("summary").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("policyFiles").asInt()).isEqualTo(1);
        JsonNode failed = json.path("results").get(1);
        assertThat(failed.path("check").asText()).isEqualTo("engineer gets no shell");
        assertThat(failed.path("expectation").asText()).isEqualTo("allows ssm:StartSession only with X");
        assertThat(failed.path("passed").asBoolean()).isFalse();
        assertThat(failed.path("requestsEvaluated").asInt()).isEqualTo(10);
        assertThat(failed.path("message").asText()).isEqualTo(FAILURE);
        assertThat(json.path("results").get(0).path("message").isNull()).isTrue();
        assertThat(failed.path("ruleId").asText()).isEqualTo("PP-CHECK");
        assertThat(failed.path("severity").asText()).isEqualTo("error");
        assertThat(failed.path("suppressed").asBoolean()).isFalse();
        assertThat(failed.path("location").isNull()).isTrue();
    }
}
