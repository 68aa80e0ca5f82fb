/**
 * The IAM action catalogue: every AWS service prefix with its actions, resource types and condition keys, bundled
 * from the AWS Service Authorization Reference, and the policy validation that uses it.
 */
@NullMarked
package dev.policyproof.engine.catalog;

import org.jspecify.annotations.NullMarked;
