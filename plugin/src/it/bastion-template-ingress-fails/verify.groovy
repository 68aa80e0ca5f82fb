File log = new File(basedir, 'build.log')
assert log.isFile() : "no build.log in ${basedir}"
List<String> lines = log.getText('UTF-8').readLines()

// Asserts with a short message, so a failure does not print the whole log.
def requireLine = { String line -> assert lines.contains(line) : "build.log lacks the line: ${line}" }

String checks = new File(basedir, 'src/test/policyproof/checks.yaml').path
requireLine('[INFO] policyproof: 1 expectation in 1 check on 1 policy set (1 policy file): 0 passed, 1 failed')
requireLine('[WARNING] policyproof: error: bastion stack passes the bastion rules: PP-BASTION-001 the bastion\'s security groups admit no inbound traffic at ' + checks + ':10')
requireLine('[ERROR] rule:         PP-BASTION-001 (ERROR)')
requireLine('[ERROR]               BastionSecurityGroup, line 36 of src/main/cloudformation/bastion.yaml: ingress rule on BastionSecurityGroup admits tcp port 22 from CidrIp 10.20.0.0/16')
