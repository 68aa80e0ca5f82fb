File log = new File(basedir, 'build.log')
assert log.isFile() : "no build.log in ${basedir}"
List<String> lines = log.getText('UTF-8').readLines()

def requireLine = { String line -> assert lines.contains(line) : "build.log lacks the line: ${line}" }

requireLine('[WARNING] policyproof: Maven is offline, so 2 remote checks (Access Analyzer, IAM policy simulator) were skipped; local checks still run')
requireLine('[INFO] policyproof: 4 expectations in 2 checks on 1 policy set (1 policy file): 4 passed, 0 failed')
assert !lines.any { it.contains('remote checks:') } : 'remote checks ran although Maven is offline'
