File log = new File(basedir, 'build.log')
assert log.isFile() : "no build.log in ${basedir}"
String text = log.getText('UTF-8')
List<String> lines = text.readLines()

// Asserts with a short message, so a failure does not print the whole log.
def requireLine = { String line -> assert lines.contains(line) : "build.log lacks the line: ${line}" }
def requireError = { String message ->
    String line = lines.find { it.startsWith('[ERROR] Failed to execute goal dev.policyproof:policyproof-maven-plugin:') }
    assert line != null : 'build.log has no goal failure of the policyproof plugin'
    assert line.contains(message) : "goal failure lacks: ${message}\nfound: ${line}"
}

requireLine('[WARNING] policyproof: error: engineer gets no shell on the bastion: allows ssm:StartSession only with AWS-StartPortForwardingSessionToRemoteHost at src/main/iam/engineer.json:4')
requireLine('but found:    a session that names no document, so Session Manager starts the default shell SSM-SessionManagerRunShell')
requireLine('allowed by:   statement 1 of 2, Sid "StartSessionOnBastion", line 4 of src/main/iam/engineer.json')
requireLine('hint:         add "BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"} to every statement that allows ssm:StartSession; statement 1 lacks it')
requireLine('[INFO] policyproof: 2 expectations in 1 check on 1 policy set (1 policy file): 1 passed, 1 failed')
requireError(': policyproof: 1 of 2 expectations failed in ' + new File(basedir, 'src/test/policyproof/checks.yaml'))
requireLine('[ERROR] failure 1 of 1:')
requireLine('[ERROR] Reports: ' + new File(basedir, 'target/policyproof/TEST-policyproof.xml') + ', ' + new File(basedir, 'target/policyproof/policyproof-results.json') + ' and ' + new File(basedir, 'target/policyproof/policyproof.sarif'))
requireLine('[ERROR] To report violations without failing the build, set policyproof.failOnViolation=false.')

def suite = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/policyproof/TEST-policyproof.xml'))
assert suite.@tests == '2'
assert suite.@failures == '1'
assert suite.testcase.failure.@type == 'policyproof.violation'
assert suite.testcase.failure.@message == '[engineer gets no shell on the bastion]'
