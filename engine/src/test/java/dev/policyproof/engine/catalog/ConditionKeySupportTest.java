package dev.policyproof.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which condition keys an action supports, with templates, global keys and case folding. */
class ConditionKeySupportTest {

    private static final ActionCatalog CATALOG = ActionCatalog.bundled();

    @ParameterizedTest
    @CsvSource({
        "ssm:StartSession, ssm:resourceTag/Name, true",
        "ssm:StartSession, SSM:ResourceTag/Name, true",
        "ssm:StartSession, aws:ResourceTag/Name, true",
        "ssm:StartSession, ssm:SessionDocumentAccessCheck, true",
        "ssm:StartSession, ssm:sessiondocumentaccesscheck, true",
        "ssm:StartSession, ec2:ResourceTag/Name, false",
        "ssm:StartSession, ssm:resourceTag/, false",
        "ssm:StartSession, aws:PrincipalArn, true",
        "ssm:StartSession, aws:SourceIp, true",
        "ssm:StartSession, aws:PrincipalTag/team, true",
        "ssm:StartSession, aws:RequestTag/team, false",
        "ec2:StartInstances, ec2:ResourceTag/Name, true",
        "s3:GetObject, s3:ExistingObjectTag/classification, true",
        "s3:GetObject, s3:ExistingObjectTag, false",
    })
    void supports_condition_key(String action, String key, boolean supported) {
        ActionInfo info = CATALOG.action(action).orElseThrow();

        assertThat(CATALOG.supportsConditionKey(info, key)).isEqualTo(supported);
    }

    @ParameterizedTest
    @CsvSource({
        "aws:ResourceTag/${TagKey}, aws:resourcetag/Owner, true",
        "ssm:resourceTag/tag-key, ssm:resourceTag/Name, true",
        "s3:ExistingObjectTag/<key>, s3:ExistingObjectTag/x, true",
        "sagemaker:ResourceTag/, sagemaker:ResourceTag/team, true",
        "apigateway:Request/ApiName, apigateway:Request/ApiName, true",
        "apigateway:Request/ApiName, apigateway:Request/Other, false",
        "ec2:Add/userId, ec2:Add/group, false",
    })
    void template_matches_concrete_key(String declared, String used, boolean matches) {
        assertThat(ConditionKeys.matches(declared, used)).isEqualTo(matches);
    }

    @Test
    void key_types_come_from_service_or_global_table() {
        assertThat(CATALOG.conditionKeyType("aws:TagKeys")).contains("ArrayOfString");
        assertThat(CATALOG.conditionKeyType("aws:CalledVia")).contains("ArrayOfString");
        assertThat(CATALOG.conditionKeyType("aws:SourceIp")).contains("IPAddress");
        assertThat(CATALOG.conditionKeyType("ssm:SessionDocumentAccessCheck")).contains("Bool");
        assertThat(CATALOG.conditionKeyType("nosuch:Key")).isEmpty();
    }

    @Test
    void array_types_are_multivalued() {
        assertThat(ConditionKeys.isMultivalued("ArrayOfString")).isTrue();
        assertThat(ConditionKeys.isMultivalued("ArrayOfARN")).isTrue();
        assertThat(ConditionKeys.isMultivalued("String")).isFalse();
        assertThat(ConditionKeys.isMultivalued("Bool")).isFalse();
    }
}
