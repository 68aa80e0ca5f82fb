/** The failure messages of the policy assertions, one factory per kind of failure. */
@NullMarked
package dev.policyproof.assertions.error;

import org.jspecify.annotations.NullMarked;
