/** Implementation of the policy assertions; not part of the public API and free to change. */
@NullMarked
package dev.policyproof.assertions.internal;

import org.jspecify.annotations.NullMarked;
