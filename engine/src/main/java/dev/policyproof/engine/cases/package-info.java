/** Evaluation cases in JSON lines: one policy set, one request and an optional expected decision per line. */
@NullMarked
package dev.policyproof.engine.cases;

import org.jspecify.annotations.NullMarked;
