"""Getting data in: email (.eml, mbox, Maildir, IMAP)."""
