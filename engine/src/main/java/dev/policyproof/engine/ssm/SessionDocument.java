package dev.policyproof.engine.ssm;

import java.util.List;
import java.util.Objects;

/**
 * A Session Manager document that {@code ssm:StartSession} may name. AWS-owned documents have an empty account field
 * in their ARN ({@code arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession}); documents in an account,
 * {@code SSM-SessionManagerRunShell} included, carry the account ID. A grant on a document gives whatever the document
 * can do: IAM never sees the {@code host}, {@code portNumber} or {@code command} parameters.
 *
 * @see <a href="https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-examples.html">
 *     Start a session with a document by specifying the session documents in IAM policies</a>
 */
public record SessionDocument(String name, Owner owner, String grants) {

    /** Who owns the document, which decides the account field of its ARN. */
    public enum Owner {
        /** Published by AWS: the ARN's account field is empty. */
        AWS,
        /** Created in an account (or shared from one): the ARN carries that account's ID. */
        ACCOUNT
    }

    /** Port forwarding to any port on the target itself, sshd included. */
    public static final SessionDocument PORT_FORWARD = aws(
            "AWS-StartPortForwardingSession", "a tunnel to any port on the target, sshd included");

    /** Port forwarding to any host and port the target can reach. */
    public static final SessionDocument PORT_FORWARD_TO_REMOTE_HOST = aws(
            "AWS-StartPortForwardingSessionToRemoteHost", "a tunnel to any host and port the target can reach");

    /** An SSH tunnel; with a key on the target it gives an unlogged shell and file copy. */
    public static final SessionDocument SSH =
            aws("AWS-StartSSHSession", "an SSH tunnel: with a key, an unlogged shell and SCP");

    /** Runs a command the caller chooses, such as {@code bash -l}, interactively. */
    public static final SessionDocument INTERACTIVE_COMMAND =
            aws("AWS-StartInteractiveCommand", "an interactive command of the caller's choice, such as bash -l");

    /** Runs a command the caller chooses without a terminal. */
    public static final SessionDocument NON_INTERACTIVE_COMMAND =
            aws("AWS-StartNonInteractiveCommand", "a non-interactive command of the caller's choice");

    /** Resets an operating system user's password on the target. */
    public static final SessionDocument PASSWORD_RESET =
            aws("AWS-PasswordReset", "a reset of an operating system user's password");

    /**
     * The default shell, used when a session names no document; it also holds the Region's session preferences.
     * It lives in each account, so its ARN carries the account ID.
     */
    public static final SessionDocument DEFAULT_SHELL = new SessionDocument(
            "SSM-SessionManagerRunShell", Owner.ACCOUNT, "an interactive shell on the target");

    /** Every AWS-owned session document, in the order messages list them. */
    public static final List<SessionDocument> AWS_SESSION_DOCUMENTS = List.of(
            PORT_FORWARD, PORT_FORWARD_TO_REMOTE_HOST, SSH, INTERACTIVE_COMMAND, NON_INTERACTIVE_COMMAND, PASSWORD_RESET);

    public SessionDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(grants, "grants");
    }

    /**
     * Returns the document called {@code name}: one of the constants above when the name is theirs, another
     * AWS-owned document for the reserved {@code AWS-} prefix, and a document in the account otherwise.
     */
    public static SessionDocument named(String name) {
        if (name.equals(DEFAULT_SHELL.name())) {
            return DEFAULT_SHELL;
        }
        for (SessionDocument document : AWS_SESSION_DOCUMENTS) {
            if (document.name().equals(name)) {
                return document;
            }
        }
        return name.startsWith("AWS-") ? aws(name, "whatever AWS document " + name + " does") : inAccount(name);
    }

    /** Returns an AWS-owned document. */
    public static SessionDocument aws(String name, String grants) {
        return new SessionDocument(name, Owner.AWS, grants);
    }

    /** Returns a document created in an account, such as a custom {@code Port} document that pins host and port. */
    public static SessionDocument inAccount(String name) {
        return new SessionDocument(name, Owner.ACCOUNT, "whatever document " + name + " defines");
    }

    /** Returns the document's ARN: the account field stays empty for AWS-owned documents. */
    public String arn(String partition, String region, String account) {
        String owningAccount = owner == Owner.AWS ? "" : account;
        return "arn:" + partition + ":ssm:" + region + ":" + owningAccount + ":document/" + name;
    }

    /** Returns true when {@code documentArn} names this document, in any Region; the account must fit the owner. */
    public boolean isNamedBy(String documentArn) {
        DocumentArn parsed = DocumentArn.parse(documentArn);
        if (parsed == null || !parsed.name().equals(name)) {
            return false;
        }
        return owner == Owner.AWS ? parsed.account().isEmpty() : !parsed.account().isEmpty();
    }

    @Override
    public String toString() {
        return name;
    }
}
