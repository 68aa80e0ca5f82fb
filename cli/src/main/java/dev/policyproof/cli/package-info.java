/** The {@code policyproof} command line: picocli commands that adapt options and files to the engine. */
@NullMarked
package dev.policyproof.cli;

import org.jspecify.annotations.NullMarked;
