/** Writes the results of a checks file run as Surefire-format XML, JSON and SARIF. */
@NullMarked
package dev.policyproof.engine.report;

import org.jspecify.annotations.NullMarked;
