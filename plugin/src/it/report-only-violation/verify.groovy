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
requireLine('[INFO] policyproof: 2 expectations in 1 check on 1 policy set (1 policy file): 1 passed, 1 failed')
requireLine('[ERROR] policyproof: 1 of 2 expectations failed, and the build goes on because policyproof.failOnViolation is false. See ' + new File(basedir, 'target/policyproof/TEST-policyproof.xml'))
requireLine('[INFO] BUILD SUCCESS')

def suite = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/policyproof/TEST-policyproof.xml'))
assert suite.@failures == '1'
assert new File(basedir, 'target/policyproof/policyproof-results.json').isFile()
