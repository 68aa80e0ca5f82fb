package dev.policyproof.engine.rules;

import dev.policyproof.engine.catalog.Severity;

/**
 * The rules of the bastion pack, each with a stable id that reports and suppressions can name. The facts behind them
 * come from the AWS documentation pages "AWS::EC2::SecurityGroup", "Use AWS PrivateLink to set up a VPC endpoint for
 * Session Manager" and "Logging session activity", and the Session Manager chapter of the AWS Systems Manager User
 * Guide for the instance role.
 */
public enum BastionRule {
    NO_INGRESS("PP-BASTION-001", Severity.ERROR,
            "the bastion's security groups admit no inbound traffic",
            "remove the ingress rules: Session Manager reaches the instance through the SSM Agent's outbound "
                    + "connection, so the bastion needs no open port"),
    EGRESS_DECLARED("PP-BASTION-002", Severity.ERROR,
            "the bastion's security groups declare their egress rules",
            "add SecurityGroupEgress rules for 443 to the endpoint group and the database port to the database "
                    + "group; a group without them allows all outbound traffic"),
    NO_ALL_PORTS_TO_WORLD("PP-BASTION-003", Severity.ERROR,
            "the bastion sends nothing on all ports to 0.0.0.0/0 or ::/0",
            "replace the rule by rules for 443 to the endpoint group and the database port to the database group"),
    NO_HTTPS_TO_WORLD("PP-BASTION-004", Severity.WARNING,
            "the bastion sends 443 only to its endpoints when the VPC has interface endpoints",
            "send 443 to the endpoint security group instead of 0.0.0.0/0, so the bastion cannot reach the internet"),
    NO_PUBLIC_IP("PP-BASTION-005", Severity.ERROR,
            "the bastion gets no public IP address from its network interfaces",
            "set AssociatePublicIpAddress: false, or remove it and launch into a subnet without MapPublicIpOnLaunch"),
    PRIVATE_SUBNET("PP-BASTION-006", Severity.ERROR,
            "the bastion's subnet does not assign public IP addresses",
            "remove MapPublicIpOnLaunch: true from the subnet, or set AssociatePublicIpAddress: false on the "
                    + "instance's network interface"),
    NO_INTERNET_ROUTE("PP-BASTION-007", Severity.ERROR,
            "the bastion's subnet has no route to an internet gateway",
            "associate the subnet with a route table without an internet gateway route; the bastion reaches AWS "
                    + "through VPC endpoints"),
    SESSION_ENDPOINTS("PP-BASTION-008", Severity.ERROR,
            "the VPC has ssm, ssmmessages and ec2messages interface endpoints with private DNS",
            "add AWS::EC2::VPCEndpoint resources of type Interface for com.amazonaws.<region>.ssm, .ssmmessages and "
                    + ".ec2messages with PrivateDnsEnabled: true in the bastion's VPC"),
    LOGGING_ENDPOINTS("PP-BASTION-009", Severity.ERROR,
            "the VPC has the endpoints that the session logging preferences need",
            "add a logs interface endpoint for CloudWatch Logs, a kms interface endpoint for kmsKeyId and an s3 "
                    + "gateway endpoint for s3BucketName"),
    DATABASE_SOURCES("PP-BASTION-010", Severity.ERROR,
            "the database security groups admit only the bastion's security group",
            "replace CIDR and other sources by SourceSecurityGroupId: !Ref <bastion security group>"),
    SESSION_LOGGING("PP-BASTION-011", Severity.ERROR,
            "session preferences log sessions to S3 or CloudWatch Logs",
            "add an AWS::SSM::Document with DocumentType: Session and Name: SSM-SessionManagerRunShell whose inputs "
                    + "set s3BucketName or cloudWatchLogGroupName"),
    SESSION_ENCRYPTION("PP-BASTION-012", Severity.ERROR,
            "session preferences encrypt session data and logs",
            "set kmsKeyId, and s3EncryptionEnabled or cloudWatchEncryptionEnabled: true for each log destination"),
    MINIMAL_INSTANCE_ROLE("PP-BASTION-013", Severity.SECURITY_WARNING,
            "the bastion's instance role grants only what the SSM Agent and session logging need",
            "keep AmazonSSMManagedInstanceCore or the agent's ssm, ssmmessages and ec2messages actions, and the "
                    + "s3:PutObject, logs and kms actions of session logging; remove every other grant");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String fix;

    BastionRule(String id, Severity severity, String title, String fix) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Describes what the rule expects, as a sentence that holds for a good template. */
    public String title() {
        return title;
    }

    public String fix() {
        return fix;
    }

    /** Returns the rule with {@code id}, such as {@code PP-BASTION-001}. */
    public static java.util.Optional<BastionRule> byId(String id) {
        return java.util.Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
