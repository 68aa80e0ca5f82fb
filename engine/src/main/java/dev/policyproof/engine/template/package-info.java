/**
 * CloudFormation templates as policy sources: a located reader for YAML and JSON templates, the resolution of
 * intrinsic functions, and the extraction of every IAM policy a template declares. Terraform plan JSON is read
 * as a policy source too.
 */
@NullMarked
package dev.policyproof.engine.template;

import org.jspecify.annotations.NullMarked;
