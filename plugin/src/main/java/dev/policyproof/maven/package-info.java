/** The policyproof Maven plugin. */
package dev.policyproof.maven;
