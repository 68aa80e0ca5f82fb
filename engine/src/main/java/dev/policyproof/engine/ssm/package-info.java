/** The Session Manager authorization model: targets, documents and the implicit default shell. */
@NullMarked
package dev.policyproof.engine.ssm;

import org.jspecify.annotations.NullMarked;
