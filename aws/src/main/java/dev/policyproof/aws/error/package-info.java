/** The failure messages of the remote assertions, one factory per kind of failure. */
@NullMarked
package dev.policyproof.aws.error;

import org.jspecify.annotations.NullMarked;
