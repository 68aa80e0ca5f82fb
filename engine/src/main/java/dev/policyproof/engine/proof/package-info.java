/**
 * Answers questions over every request, not only listed ones: whether any request in a scope is allowed, what a
 * policy set allows, whether one set allows anything another does not, and whether a resource policy is public.
 * Answers are exact or "unknown" with the reason, and every counterexample re-evaluates to allowed.
 */
@NullMarked
package dev.policyproof.engine.proof;

import org.jspecify.annotations.NullMarked;
