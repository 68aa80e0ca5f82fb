/** Implementation details; not a public API. */
@NullMarked
package dev.policyproof.engine.internal;

import org.jspecify.annotations.NullMarked;
