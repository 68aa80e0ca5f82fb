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

requireError(': policyproof: Invalid policy: src/main/iam/broken.json:9:5: invalid JSON: ')
assert !new File(basedir, 'target/policyproof').exists()
