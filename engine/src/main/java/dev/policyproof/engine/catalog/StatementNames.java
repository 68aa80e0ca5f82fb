package dev.policyproof.engine.catalog;

import dev.policyproof.engine.Statement;

/** Names a statement in messages as "statement 2 (Sid "Tunnel")", numbered from 1 in source order. */
final class StatementNames {

    private StatementNames() {}

    static String of(Statement statement) {
        return "statement " + statement.index() + statement.sid().map(sid -> " (Sid \"" + sid + "\")").orElse("");
    }
}
