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

String checks = new File(basedir, 'src/test/policyproof/checks.yaml').path
requireLine('[ERROR]   ' + checks + ':9:11 (checks[0].expect[0].denies.actoin): unknown key "actoin" (did you mean "action"?); expected one of action, resource, tags, context, principal [unknown-key]')
requireLine('[ERROR]   ' + checks + ':9:11 (checks[0].expect[0].denies.action): missing key "action": the IAM action, such as ssm:StartSession [missing-key]')
assert !new File(basedir, 'target/policyproof').exists()
