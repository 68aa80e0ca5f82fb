/** The IAM policy model, parser and evaluator. */
@NullMarked
package dev.policyproof.engine;

import org.jspecify.annotations.NullMarked;
