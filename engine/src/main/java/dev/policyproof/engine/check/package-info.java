/** Expectations over policies and the failure messages shared by the DSL and the Maven plugin. */
@NullMarked
package dev.policyproof.engine.check;

import org.jspecify.annotations.NullMarked;
