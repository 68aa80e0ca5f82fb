File log = new File(basedir, 'build.log')
assert log.isFile() : "no build.log in ${basedir}"
List<String> lines = log.getText('UTF-8').readLines()

// Asserts with a short message, so a failure does not print the whole log.
def requireLine = { String line -> assert lines.contains(line) : "build.log lacks the line: ${line}" }

File reports = new File(basedir, 'target/policyproof')
requireLine('[INFO] policyproof: suite acme: 1 checks file')
requireLine('[INFO] policyproof: 6 expectations in 5 checks on 1 policy set (1 policy file): 4 passed, 1 failed, 1 suppressed')
requireLine('[WARNING] policyproof: warning: engineer reaches the bastion only through port forwarding: allows ssm:StartSession only with AWS-StartPortForwardingSessionToRemoteHost at src/main/iam/engineer.json:4')
requireLine('[INFO] policyproof: full messages in ' + new File(reports, 'TEST-policyproof.xml') + ', ' + new File(reports, 'policyproof-results.json') + ' and ' + new File(reports, 'policyproof.sarif') + '; violations at policyproof.failOnSeverity=error or above fail the build')
requireLine('[INFO] BUILD SUCCESS')

def suite = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-policyproof.xml'))
assert suite.@failures == '1'
assert suite.@skipped == '1'
assert suite.testcase.skipped.@message == 'suppressed: the document condition ships with the next policy release'
// The suite's Java check ran and passed.
def javaCheck = suite.testcase.findAll { it.@name.text() == 'acme: bastion user gets no IAM access: never allows iam:* on any resource' }
assert javaCheck.size() == 1 : "no test case for the Java check in ${suite.testcase*.@name}"
assert javaCheck[0].failure.size() == 0

def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'policyproof.sarif'))
def results = sarif.runs[0].results
assert results*.ruleId == ['PP-SESSION-DOCUMENTS', 'PP-NO-SHELL']
assert results*.level == ['warning', 'error']
assert results[1].suppressions[0].kind == 'external'
assert results[0].locations[0].physicalLocation.artifactLocation.uriBaseId == '%SRCROOT%'
assert results[0].locations[0].physicalLocation.region.startLine == 4
