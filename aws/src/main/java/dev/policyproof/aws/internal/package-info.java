/** Request building, response mapping and error translation behind the public remote-check types. */
@NullMarked
package dev.policyproof.aws.internal;

import org.jspecify.annotations.NullMarked;
