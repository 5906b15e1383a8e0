import CommandKit

/// File and system commands: coreutils' file utilities, findutils, and the small tools
/// (`which`, `id`, `date`, …) a node's /usr/bin has.
let fileCommands: [Command] = [
    catCommand, lsCommand, mkdirCommand, rmdirCommand, rmCommand, mvCommand, cpCommand, touchCommand,
    lnCommand, statCommand, chmodCommand, chownCommand, chgrpCommand, readlinkCommand, realpathCommand,
    basenameCommand, dirnameCommand, pwdCommand, echoCommand, printfCommand, trueCommand, falseCommand,
    testCommand, bracketCommand, envCommand, printenvCommand, whoamiCommand, idCommand, hostnameCommand,
    unameCommand, dateCommand, sleepCommand, seqCommand, yesCommand, clearCommand, sudoCommand, whichCommand,
    findCommand, duCommand, dfCommand, freeCommand, nprocCommand, uptimeCommand, lessCommand, moreCommand,
]
