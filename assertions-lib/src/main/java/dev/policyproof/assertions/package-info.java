/** AssertJ-style assertions for IAM policies. */
@NullMarked
package dev.policyproof.assertions;

import org.jspecify.annotations.NullMarked;
