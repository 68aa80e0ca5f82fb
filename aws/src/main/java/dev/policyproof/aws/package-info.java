/**
 * Remote checks of IAM policies: the IAM policy simulator, IAM Access Analyzer policy validation and custom policy
 * checks, their comparison with local decisions, and AssertJ assertions on them.
 */
@NullMarked
package dev.policyproof.aws;

import org.jspecify.annotations.NullMarked;
