package dev.policyproof.engine.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The made-up values that {@code Ref} and {@code Fn::GetAtt} return for a template's own resources before they exist.
 * Each is concrete and derived from the logical id, so {@code !GetAtt BastionRole.Arn} reads
 * {@code arn:aws:iam::111122223333:role/bastion-BastionRole} and matches only patterns that match that ARN, never
 * like a wildcard. Resource ids (such as {@code sg-}) use a hash of the logical id, so they are stable between runs.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html">Ref</a>
 */
final class SyntheticIds {

    /** Property that sets the physical name, by resource type; without it CloudFormation generates one. */
    static final Map<String, String> NAME_PROPERTIES = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::IAM::User", "UserName"),
            Map.entry("AWS::IAM::Group", "GroupName"),
            Map.entry("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
            Map.entry("AWS::IAM::InstanceProfile", "InstanceProfileName"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::SSM::Document", "Name"),
            Map.entry("AWS::KMS::Alias", "AliasName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"));

    /** Prefix of the id that {@code Ref} returns, for types whose id is generated. */
    private static final Map<String, String> ID_PREFIXES = Map.ofEntries(
            Map.entry("AWS::EC2::Instance", "i-"),
            Map.entry("AWS::EC2::SecurityGroup", "sg-"),
            Map.entry("AWS::EC2::VPC", "vpc-"),
            Map.entry("AWS::EC2::Subnet", "subnet-"),
            Map.entry("AWS::EC2::RouteTable", "rtb-"),
            Map.entry("AWS::EC2::InternetGateway", "igw-"),
            Map.entry("AWS::EC2::NatGateway", "nat-"),
            Map.entry("AWS::EC2::VPCEndpoint", "vpce-"),
            Map.entry("AWS::EC2::NetworkInterface", "eni-"),
            Map.entry("AWS::EC2::SecurityGroupIngress", "sgr-"),
            Map.entry("AWS::EC2::SecurityGroupEgress", "sgr-"));

    private final String partition;
    private final String region;
    private final String account;
    private final String urlSuffix;

    SyntheticIds(String partition, String region, String account) {
        this.partition = partition;
        this.region = region;
        this.account = account;
        this.urlSuffix = urlSuffix(partition);
    }

    static String urlSuffix(String partition) {
        return partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /** Returns the value {@code Ref} returns for a resource of {@code type} with physical name {@code name}. */
    String ref(String type, String logicalId, String name) {
        String prefix = ID_PREFIXES.get(type);
        if (prefix != null) {
            return prefix + hexId(logicalId);
        }
        return switch (type) {
            case "AWS::SQS::Queue" -> "https://sqs." + region + "." + urlSuffix + "/" + account + "/" + name;
            case "AWS::SNS::Topic", "AWS::IAM::ManagedPolicy" -> attribute(type, logicalId, name, "Arn").orElseThrow();
            case "AWS::KMS::Key" -> keyId(logicalId);
            default -> name;
        };
    }

    /** Returns the value of {@code Fn::GetAtt} for the attributes modelled here, or empty for any other. */
    Optional<String> attribute(String type, String logicalId, String name, String attribute) {
        String arn = switch (type) {
            case "AWS::S3::Bucket" -> "arn:" + partition + ":s3:::" + name;
            case "AWS::SQS::Queue" -> regional("sqs", name);
            case "AWS::SNS::Topic" -> regional("sns", name);
            case "AWS::KMS::Key" -> regional("kms", "key/" + keyId(logicalId));
            case "AWS::IAM::Role" -> global("role/" + name);
            case "AWS::IAM::User" -> global("user/" + name);
            case "AWS::IAM::Group" -> global("group/" + name);
            case "AWS::IAM::ManagedPolicy" -> global("policy/" + name);
            case "AWS::IAM::InstanceProfile" -> global("instance-profile/" + name);
            case "AWS::Logs::LogGroup" -> regional("logs", "log-group:" + name + ":*");
            case "AWS::Lambda::Function" -> regional("lambda", "function:" + name);
            case "AWS::DynamoDB::Table" -> regional("dynamodb", "table/" + name);
            default -> null;
        };
        return switch (attribute) {
            case "Arn", "TopicArn", "PolicyArn" -> Optional.ofNullable(arn);
            case "QueueName", "TopicName" -> Optional.of(name);
            case "QueueUrl" -> Optional.of(ref(type, logicalId, name));
            case "KeyId" -> type.equals("AWS::KMS::Key") ? Optional.of(keyId(logicalId)) : Optional.empty();
            case "GroupId" -> type.equals("AWS::EC2::SecurityGroup")
                    ? Optional.of(ref(type, logicalId, name)) : Optional.empty();
            case "RoleId" -> type.equals("AWS::IAM::Role") ? Optional.of("AROA" + hexId(logicalId).toUpperCase(
                    java.util.Locale.ROOT)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private String regional(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    private String global(String resource) {
        return "arn:" + partition + ":iam::" + account + ":" + resource;
    }

    private static String keyId(String logicalId) {
        String hex = hexId(logicalId) + hexId(logicalId + "/key");
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /** Returns 17 hex digits derived from {@code logicalId}, the length of current EC2 resource ids. */
    static String hexId(String logicalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(logicalId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
