import CommandKit

/// Text filters: grep, sed, head, tail, wc, sort, uniq, cut, tr, xargs, base64, diff, tee.
let textCommands: [Command] = [
    grepCommand, headCommand, tailCommand, wcCommand, teeCommand, cutCommand, trCommand,
    sortCommand, uniqCommand, base64Command, sedCommand, xargsCommand, diffCommand,
]
