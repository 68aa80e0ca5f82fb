/**
 * Rule packs over CloudFormation templates. The bastion pack checks that a Session Manager bastion has no inbound
 * path, a limited outbound path, the endpoints and logging preferences it needs, and a minimal instance role.
 */
@NullMarked
package dev.policyproof.engine.rules;

import org.jspecify.annotations.NullMarked;
