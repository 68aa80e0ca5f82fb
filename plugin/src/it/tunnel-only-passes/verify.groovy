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

requireLine('[INFO] policyproof: 4 expectations in 2 checks on 1 policy set (1 policy file): 4 passed, 0 failed')
assert !text.contains('[WARNING] [')

File reports = new File(basedir, 'target/policyproof')
File xml = new File(reports, 'TEST-policyproof.xml')
assert xml.isFile()
assert new File(reports, 'policyproof-results.json').isFile()

def suite = new groovy.xml.XmlSlurper().parse(xml)
assert suite.@name == 'policyproof.checks'
assert suite.@tests == '4'
assert suite.@failures == '0'
assert suite.testcase.size() == 4
