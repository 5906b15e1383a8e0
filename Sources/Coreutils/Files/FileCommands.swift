import CommandKit

/// File and system commands: coreutils' file utilities, findutils, and the small tools
/// (`which`, `id`, `date`, …) a node's /usr/bin has.
let fileCommands: [Command] = [catCommand]
