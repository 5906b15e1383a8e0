import CommandKit

/// The programs every node has in /usr/bin: GNU coreutils, grep, sed, findutils and friends.
public enum Coreutils {
    /// Every command this module provides, by name.
    public static let registry = CommandRegistry(fileCommands + textCommands)
}
